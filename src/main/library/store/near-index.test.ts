import { describe, expect, it } from 'vitest'
import { hamming, type Hash } from '@shared/library/fingerprint'
import { screen, type Summary } from '@shared/library/near-duplicate'
import { CANDIDATE_BITS } from './hash-table'
import { decodeKey, encodeKey, NearIndex, type NearKey } from './near-index'
import { seededHashes } from '../../../../test/support/seeded-hashes'

const { random, word, flip } = seededHashes(42)

/** Detailed pictures (found by hash) all alike in shape and colour, so screening keeps them. */
const detailed: Summary = {
  width: 256,
  height: 192,
  mean: [120, 128, 128],
  structure: 30,
  texture: 10,
  detail: 20,
  chromaSpread: 5
}

function keyNear(base: NearKey | null, bits: number): NearKey {
  const hash = base ? flip(base.hash, bits) : ([word(), word()] as Hash)
  return {
    summary: detailed,
    hash,
    windows: Array.from({ length: 5 }, (_, i) =>
      base && random() < 0.3
        ? flip(base.windows[i]!, bits)
        : flip(hash, 3 + Math.floor(random() * 10))
    )
  }
}

/** What the index must return, by comparing with every stored key. */
function bruteForce(stored: Map<string, NearKey>, q: NearKey): string[] {
  const near = (a: Hash, b: Hash): boolean => hamming(a, b) <= CANDIDATE_BITS
  return [...stored]
    .filter(
      ([, k]) =>
        near(k.hash, q.hash) ||
        k.windows.some((w) => near(w, q.hash)) ||
        q.windows.some((w) => near(k.hash, w))
    )
    .map(([id]) => id)
    .sort()
}

describe('the near-duplicate index', () => {
  it('returns the same candidates as comparing with every stored hash', () => {
    const index = new NearIndex()
    const stored = new Map<string, NearKey>()
    const all: NearKey[] = []
    for (let i = 0; i < 3000; i++) {
      // Many are near an earlier key, at distances each side of the search radius.
      const base = all.length && random() < 0.5 ? all[Math.floor(random() * all.length)]! : null
      const key = keyNear(base, Math.floor(random() * 16))
      all.push(key)
      stored.set(`c${i}`, key)
      index.put(`c${i}`, key)
    }
    let found = 0
    for (let q = 0; q < 400; q++) {
      const base = random() < 0.7 ? all[Math.floor(random() * all.length)]! : null
      const probe = keyNear(base, Math.floor(random() * 16))
      const expected = bruteForce(stored, probe)
      found += expected.length
      expect(index.candidates(probe).sort()).toEqual(expected)
    }
    // The queries did meet stored keys, near and far.
    expect(found).toBeGreaterThan(200)
  })

  it('still agrees with every stored hash after most contents are removed', () => {
    const index = new NearIndex()
    const stored = new Map<string, NearKey>()
    const all: NearKey[] = []
    for (let i = 0; i < 3000; i++) {
      const base = all.length && random() < 0.5 ? all[Math.floor(random() * all.length)]! : null
      const key = keyNear(base, Math.floor(random() * 12))
      all.push(key)
      stored.set(`c${i}`, key)
      index.put(`c${i}`, key)
    }
    for (let i = 0; i < 2500; i++) {
      index.remove(`c${i}`)
      stored.delete(`c${i}`)
    }
    for (let q = 0; q < 200; q++) {
      const probe = keyNear(all[Math.floor(random() * all.length)]!, Math.floor(random() * 12))
      expect(index.candidates(probe).sort()).toEqual(bruteForce(stored, probe))
    }
  })

  it('forgets a removed content, and a replaced one under its old hashes', () => {
    const index = new NearIndex()
    const a = keyNear(null, 0)
    const b = keyNear(a, 2)
    index.put('a', a)
    index.put('b', b)
    expect(index.candidates(a, 'a')).toEqual(['b'])
    index.remove('b')
    expect(index.candidates(a, 'a')).toEqual([])
    index.put('b', b)
    index.put('b', keyNear(null, 0))
    expect(index.candidates(a, 'a')).toEqual([])
    expect(index.size).toBe(2)
  })

  it('finds flat and smooth pictures by colour, and screens out other colours', () => {
    const smooth = (y: number, cb: number): NearKey => ({
      summary: { ...detailed, mean: [y, cb, 128], structure: 10, texture: 0.5, detail: 0.5 },
      hash: [word(), word()],
      windows: Array.from({ length: 5 }, () => [word(), word()] as Hash)
    })
    const index = new NearIndex()
    const sky = smooth(170, 150)
    index.put('sky', sky)
    index.put('same sky', smooth(172, 151))
    index.put('other sky', smooth(150, 150))
    index.put('grass', smooth(120, 100))
    expect(index.candidates(sky, 'sky')).toEqual(['same sky'])
    expect(screen(sky.summary, smooth(150, 150).summary)).toBe('colour')
  })

  it('stores keys as bytes and reads them back', () => {
    const k = keyNear(null, 0)
    const back = decodeKey(encodeKey(k))!
    expect(back.hash).toEqual(k.hash)
    expect(back.windows).toEqual(k.windows)
    expect(back.summary.mean[0]).toBeCloseTo(k.summary.mean[0], 3)
    expect(decodeKey(new Uint8Array(3))).toBeNull()
  })
})
