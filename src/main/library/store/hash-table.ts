import { popcount32 } from '@shared/library/dhash'
import type { Hash } from '@shared/library/fingerprint'

/** Hashes at most this many bits apart are candidates (4 bands: some band within 2 bits). */
export const CANDIDATE_BITS = 10
const BANDS = 4
const BAND_BITS = 16
const BAND_RADIUS = Math.floor(CANDIDATE_BITS / BANDS)

/** Every 16-bit mask with at most BAND_RADIUS bits set: the probes around a band's value. */
const masks = ((): Uint16Array => {
  const out: number[] = []
  for (let m = 0; m < 1 << BAND_BITS; m++) if (popcount32(m) <= BAND_RADIUS) out.push(m)
  return Uint16Array.from(out)
})()

const band = (h: Hash, k: number): number =>
  (k < 2 ? h[1] >>> (16 * k) : h[0] >>> (16 * (k - 2))) & 0xffff

/**
 * 64-bit hashes in a multi-index hash table (Norouzi et al.): each hash is filed under its four
 * 16-bit bands, and a search within CANDIDATE_BITS probes, in each band, the 137 values within
 * 2 bits of the query's: any hash that near agrees that closely in at least one band. The work
 * is those probes plus the entries they hit, not the number of hashes stored; with random
 * hashes a bucket holds about n / 65,536 entries.
 */
export class HashTable {
  private hi = new Uint32Array(1024)
  private lo = new Uint32Array(1024)
  private owner = new Int32Array(1024)
  private next = new Int32Array(1024 * BANDS)
  private stamp = new Uint32Array(1024)
  private readonly heads = new Int32Array(BANDS << BAND_BITS).fill(-1)
  private count = 0
  private dead = 0
  private query = 0
  /** Entries looked at by searches so far (for the bench). */
  examined = 0

  get entries(): number {
    return this.count - this.dead
  }

  add(h: Hash, owner: number): void {
    if (this.count === this.hi.length) this.grow()
    const e = this.count++
    this.hi[e] = h[0]
    this.lo[e] = h[1]
    this.owner[e] = owner
    for (let k = 0; k < BANDS; k++) {
      const head = (k << BAND_BITS) | band(h, k)
      this.next[e * BANDS + k] = this.heads[head]!
      this.heads[head] = e
    }
  }

  /** Forgets every entry of `owner` (entries stay as tombstones until the table is rebuilt). */
  removeOwner(owner: number, hashes: readonly Hash[]): void {
    for (const h of hashes)
      for (let e = this.heads[band(h, 0)]!; e >= 0; e = this.next[e * BANDS]!)
        if (this.owner[e] === owner) {
          this.owner[e] = -1
          this.dead++
        }
    if (this.dead > 1024 && this.dead * 2 > this.count) this.rebuild()
  }

  /** Calls `found` with the owner of every hash within CANDIDATE_BITS of `h` (maybe repeated). */
  near(h: Hash, found: (owner: number) => void): void {
    this.visit(h, (e) => {
      this.examined++
      const o = this.owner[e]!
      if (o < 0) return
      const d = popcount32(this.hi[e]! ^ h[0]) + popcount32(this.lo[e]! ^ h[1])
      if (d <= CANDIDATE_BITS) found(o)
    })
  }

  /** Each entry that shares a band value within BAND_RADIUS bits with `h`, once. */
  private visit(h: Hash, each: (entry: number) => void): void {
    const q = ++this.query
    if (q === 0xffffffff) {
      this.stamp.fill(0)
      this.query = 1
    }
    for (let k = 0; k < BANDS; k++) {
      const value = band(h, k)
      const base = k << BAND_BITS
      for (let m = 0; m < masks.length; m++) {
        for (
          let e = this.heads[base | (value ^ masks[m]!)]!;
          e >= 0;
          e = this.next[e * BANDS + k]!
        ) {
          if (this.stamp[e] === this.query) continue
          this.stamp[e] = this.query
          each(e)
        }
      }
    }
  }

  private grow(): void {
    const size = this.hi.length * 2
    const widen = <T extends Uint32Array | Int32Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n)
      b.set(a)
      return b
    }
    this.hi = widen(this.hi, size)
    this.lo = widen(this.lo, size)
    this.owner = widen(this.owner, size)
    this.stamp = widen(this.stamp, size)
    this.next = widen(this.next, size * BANDS)
  }

  /** Drops tombstones: refiles the live entries. */
  private rebuild(): void {
    const live: [number, number, number][] = []
    for (let e = 0; e < this.count; e++)
      if (this.owner[e]! >= 0) live.push([this.hi[e]!, this.lo[e]!, this.owner[e]!])
    this.heads.fill(-1)
    this.count = 0
    this.dead = 0
    for (const [hi, lo, owner] of live) this.add([hi, lo], owner)
  }
}
