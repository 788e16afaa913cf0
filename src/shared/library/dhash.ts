import { grid, plane } from './pixel-grids'

/**
 * Difference hash: 64 bits from a 9×8 greyscale image, one bit per horizontal neighbour pair.
 * Still stored with each photo (library_photos.phash), but it no longer decides near-duplicates:
 * it ignores colour and calls every flat or low-detail picture the same (10,000 different flat
 * pictures made 9,304 "duplicates"). near-duplicate.ts does, on a fingerprint (fingerprint.ts).
 */
export function dHash(grey9x8: ArrayLike<number>): string {
  if (grey9x8.length !== 72) throw new Error('dHash needs 9×8 greyscale pixels')
  let hex = ''
  for (let row = 0; row < 8; row++) {
    let byte = 0
    for (let col = 0; col < 8; col++) {
      const left = grey9x8[row * 9 + col]!
      const right = grey9x8[row * 9 + col + 1]!
      byte = (byte << 1) | (left > right ? 1 : 0)
    }
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}

/**
 * The 9×8 greyscale a dHash is made from: box means of the picture's luma (Rec. 601), rounded
 * to whole levels so a flat picture stays flat. Works from a picture of any size, so the worker
 * takes it from the small copy it already has for the thumbhash (a sharp resize cost 3.5 ms).
 */
export function greyNineByEight(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  channels: number
): Uint8Array {
  const luma = new Float32Array(width * height)
  for (let i = 0; i < luma.length; i++) {
    const p = i * channels
    luma[i] =
      channels < 3
        ? pixels[p]!
        : 0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!
  }
  return Uint8Array.from(grid(plane(luma, width, height), 9, 8), (v) => Math.round(v))
}

/** Flat images (all neighbours equal) hash to all zeros or all ones: such hashes say nothing. */
export const isFlatHash = (hash: string): boolean =>
  hash === '0000000000000000' || hash === 'ffffffffffffffff'

/** The 64-bit hash as two unsigned 32-bit halves: [high, low]. */
export function hashHalves(hash: string): [number, number] {
  if (hash.length !== 16) throw new Error('a dHash is 16 hex digits')
  return [parseInt(hash.slice(0, 8), 16) >>> 0, parseInt(hash.slice(8), 16) >>> 0]
}

/** Set bits in a 32-bit integer (SWAR: no loop over bits). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** Bits that differ between two 64-bit dHashes (16 hex digits each). */
export function hammingDistance(a: string, b: string): number {
  const [ah, al] = hashHalves(a)
  const [bh, bl] = hashHalves(b)
  return popcount32(ah ^ bh) + popcount32(al ^ bl)
}
