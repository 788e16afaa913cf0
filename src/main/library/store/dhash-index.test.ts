import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hammingDistance } from '@shared/library/dhash'
import type { ImageFacts } from '@shared/worker/image-protocol'
import { openDatabase } from '../../platform/store/database'
import { migrations } from '../../core/migrations'
import { useTempDir } from '../../../../test/support/temp-dir'
import { AssetRepository } from './asset-repository'
import { DHashIndex, dHashIndex } from './dhash-index'
import { rows } from '../../../../test/support/library-test-kit'

const tempDir = useTempDir()

let seed = 42
const random32 = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
const randomHash = (): string =>
  random32().toString(16).padStart(8, '0') + random32().toString(16).padStart(8, '0')
/** `hash` with `bits` of its 64 bits flipped (distinct positions). */
const flip = (hash: string, bits: number): string => {
  let hi = parseInt(hash.slice(0, 8), 16)
  let lo = parseInt(hash.slice(8), 16)
  for (let b = 0; b < bits; b++) {
    const bit = (b * 23) % 64
    if (bit < 32) hi ^= 1 << bit
    else lo ^= 1 << (bit - 32)
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')
}
const hashOf = (n: number): string => n.toString(16).padStart(64, '0')
const facts = (n: number, phash: string): ImageFacts => ({
  hash: hashOf(n),
  bytes: 1000,
  mtime: 0,
  width: 10,
  height: 10,
  format: 'jpeg',
  takenAt: null,
  camera: null,
  lat: null,
  lon: null,
  thumbhash: '',
  phash,
  thumb: 't',
  preview: 'p',
  version: 1,
  reused: false
})

describe('DHashIndex', () => {
  it('finds exactly the hashes a brute-force Hamming scan finds, through adds and removals', () => {
    const index = new DHashIndex()
    const all = new Map<string, string>()
    const base = randomHash()
    for (let i = 0; i < 3000; i++) {
      const phash = i % 10 === 0 ? flip(base, i % 9) : randomHash()
      all.set(`c${i}`, phash)
      index.put(`c${i}`, phash)
    }
    for (let i = 0; i < 3000; i += 7) {
      all.delete(`c${i}`)
      index.remove(`c${i}`)
    }
    index.put('flat', '0000000000000000')
    expect(index.size).toBe(all.size)
    const expected = [...all]
      .filter(([, p]) => hammingDistance(p, base) <= 6)
      .map(([hash, p]) => ({ hash, distance: hammingDistance(p, base) }))
    expect(expected.length).toBeGreaterThan(20)
    const sort = (a: { hash: string }, b: { hash: string }): number => a.hash.localeCompare(b.hash)
    expect(index.near(base, 'none').sort(sort)).toEqual(expected.sort(sort))
    expect(index.near('ffffffffffffffff', 'none')).toEqual([])
  })

  it('costs well under a few milliseconds per new photo with 10,000 photos stored', () => {
    const file = join(tempDir(), 'skyfolio.db')
    const existing = 10_000
    const before = openDatabase(file, { migrations })
    const save = new AssetRepository(before)
    before.transaction(() => {
      for (let i = 0; i < existing; i++) save.save(facts(i, randomHash()))
    })()
    before.close()

    const db = openDatabase(file, { migrations })
    try {
      // Once per connection: the index is read from library_assets.
      const loadStart = performance.now()
      expect(dHashIndex(db).size).toBe(existing)
      const loadMs = performance.now() - loadStart
      const assets = new AssetRepository(db)
      const near = randomHash()
      const added = 200
      const start = performance.now()
      db.transaction(() => {
        for (let i = 0; i < added; i++)
          assets.save(facts(existing + i, i === 0 ? near : i === 1 ? flip(near, 3) : randomHash()))
      })()
      const perPhoto = (performance.now() - start) / added
      console.info(
        `storing a content with near-duplicate pairing: ${perPhoto.toFixed(3)} ms per new photo` +
          ` with ${existing} stored; loading the index once: ${loadMs.toFixed(1)} ms`
      )
      expect(perPhoto).toBeLessThan(3)
      expect(
        rows<{ distance: number }>(db, 'SELECT distance FROM library_similar WHERE distance = 3')
      ).toHaveLength(1)
    } finally {
      db.close()
    }
  })
})
