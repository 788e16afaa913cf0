import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fingerprint } from '@shared/library/fingerprint'
import type { ImageFacts } from '@shared/worker/image-protocol'
import { openDatabase } from '../../platform/store/database'
import { migrations } from '../../core/migrations'
import { useTempDir } from '../../../../test/support/temp-dir'
import { rows } from '../../../../test/support/library-test-kit'
import { AssetRepository } from './asset-repository'
import { loadNearIndex, nearKey } from './near-index'
import { SimilarPairs } from './similar-pairs'

const tempDir = useTempDir()

const hashOf = (n: number): string => n.toString(16).padStart(64, '0')
const facts = (n: number): ImageFacts => ({
  hash: hashOf(n),
  bytes: 1000,
  mtime: 0,
  width: 64,
  height: 48,
  format: 'jpeg',
  takenAt: null,
  camera: null,
  lat: null,
  lon: null,
  thumbhash: '',
  phash: '0000000000000000',
  thumb: 't',
  preview: 'p',
  version: 1,
  reused: false
})

/** A 64×48 picture of stripes whose direction and colour depend on n. */
function stripes(n: number): ReturnType<typeof fingerprint> {
  const data = new Uint8Array(64 * 48 * 3)
  for (let y = 0; y < 48; y++)
    for (let x = 0; x < 64; x++) {
      const on = Math.floor((x * (n % 5) + y * ((n >> 2) % 3)) / 6) % 2
      data.set(on ? [200, 40 + n * 7, 30] : [20, 60, 180 - n * 5], (y * 64 + x) * 3)
    }
  return fingerprint(data, 64, 48, 3)
}

describe("the pairing worker's near-duplicate index", () => {
  it('is loaded from the stored keys, without contents no fingerprint could be made for', () => {
    const file = join(tempDir(), 'skyfolio.db')
    const before = openDatabase(file, { migrations })
    const assets = new AssetRepository(before)
    const pairs = new SimilarPairs(before)
    before.transaction(() => {
      for (let i = 0; i < 12; i++) {
        assets.save(facts(i))
        pairs.store(hashOf(i), i === 11 ? null : stripes(i))
      }
    })()
    // Every stored content waits to be compared.
    expect(rows(before, 'SELECT * FROM library_similar_backfill')).toHaveLength(12)
    before.close()

    const db = openDatabase(file, { migrations })
    try {
      const index = loadNearIndex(db)
      expect(index.size).toBe(11)
      expect(index.has(hashOf(11))).toBe(false)
      // The same picture again is a candidate of the stored one.
      expect(index.candidates(nearKey(stripes(3)))).toContain(hashOf(3))

      // Deleting contents no photo shows deletes their keys and fingerprints.
      expect(new AssetRepository(db).deleteOrphans()).toBe(12)
      expect(rows(db, 'SELECT * FROM library_near_keys')).toEqual([])
      expect(rows(db, 'SELECT * FROM library_fingerprints')).toEqual([])
    } finally {
      db.close()
    }
  })
})
