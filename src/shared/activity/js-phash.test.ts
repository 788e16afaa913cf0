import { describe, expect, it } from 'vitest'
import { hammingDistance, jsPerceptualHash } from './js-phash'

const SIZE = 32
const image = (f: (x: number, y: number) => number): Uint8Array => {
  const out = new Uint8Array(SIZE * SIZE)
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) out[y * SIZE + x] = f(x, y)
  return out
}

describe('JS perceptual hash', () => {
  it('stays close for a slightly brightened copy and far for a different picture', () => {
    const scene = (x: number, y: number): number =>
      120 + 60 * Math.sin(x / 5) + 50 * Math.cos(y / 7)
    const gradient = image(scene)
    const noise = (x: number, y: number): number => ((x * 7 + y * 13) % 7) - 3
    const brighter = image((x, y) => scene(x, y) + 10 + noise(x, y))
    const checks = image((x, y) => (((x >> 2) + (y >> 2)) % 2 ? 230 : 20))
    const a = jsPerceptualHash(gradient, SIZE)
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect(hammingDistance(a, jsPerceptualHash(brighter, SIZE))).toBeLessThanOrEqual(6)
    expect(hammingDistance(a, jsPerceptualHash(checks, SIZE))).toBeGreaterThan(12)
  })

  it('refuses pixels that do not match the size', () => {
    expect(() => jsPerceptualHash(new Uint8Array(10), SIZE)).toThrow(/expected 1024 pixels/)
  })
})
