import { describe, expect, it } from 'vitest'
import { hamming, type Hash } from '@shared/library/fingerprint'
import { CANDIDATE_BITS, HashTable, NARROW, WIDE, bandOf } from './hash-table'
import { seededHashes } from '../../../../test/support/seeded-hashes'

const { random, word, flip } = seededHashes(7)

const found = (table: HashTable, q: Hash): number[] => {
  const out = new Set<number>()
  table.near(q, (o) => out.add(o))
  return [...out].sort((a, b) => a - b)
}

describe('the multi-index hash table', () => {
  it('cuts a hash into bands that together are its bits from 0 up', () => {
    const h: Hash = [0x89abcdef, 0x01234567]
    const join = (bits: number, bands: number): bigint =>
      Array.from(
        { length: bands },
        (_, k) => BigInt(bandOf(h, k, bits)) << BigInt(k * bits)
      ).reduce((a, b) => a | b)
    const whole = (BigInt(h[0]) << 32n) | BigInt(h[1])
    expect(join(16, 4)).toBe(whole)
    expect(join(21, 3)).toBe(whole & ((1n << 63n) - 1n))
    for (const l of [NARROW, WIDE]) expect(l.bands * (l.radius + 1)).toBeGreaterThan(CANDIDATE_BITS)
    expect(WIDE.masks.length).toBe(1 + 21 + 210 + 1330)
  })

  it('finds every hash within the radius, before and after it widens as it grows', () => {
    const table = new HashTable(NARROW, 1500)
    const stored: Hash[] = []
    const check = (): number => {
      let near = 0
      for (let q = 0; q < 300; q++) {
        const base = stored[Math.floor(random() * stored.length)]!
        const probe = random() < 0.8 ? flip(base, Math.floor(random() * 16)) : [word(), word()]
        const expected = stored
          .map((h, i) => (hamming(h, probe as Hash) <= CANDIDATE_BITS ? i : -1))
          .filter((i) => i >= 0)
        near += expected.length
        expect(found(table, probe as Hash)).toEqual(expected)
      }
      return near
    }
    const add = (n: number): void => {
      for (let i = 0; i < n; i++) {
        const base =
          stored.length && random() < 0.5 ? stored[Math.floor(random() * stored.length)]! : null
        const h = base ? flip(base, Math.floor(random() * 14)) : ([word(), word()] as Hash)
        table.add(h, stored.length)
        stored.push(h)
      }
    }
    add(1000)
    expect(table.bands).toBe(NARROW.bands)
    expect(check()).toBeGreaterThan(100)
    add(2000)
    expect(table.bands).toBe(WIDE.bands)
    expect(check()).toBeGreaterThan(100)
    // Removed owners are gone from the widened table too.
    table.removeOwner(0, [stored[0]!])
    expect(found(table, stored[0]!)).not.toContain(0)
  })
})
