import { popcount32 } from '@shared/library/dhash'
import type { Hash } from '@shared/library/fingerprint'

/** Hashes at most this many bits apart are candidates. */
export const CANDIDATE_BITS = 10

/**
 * How hashes are filed: in `bands` bands of `bits` bits each (taken from bit 0 up; bits past
 * the last band are not filed), searched within `radius` bits per band. By the pigeonhole rule
 * a hash within CANDIDATE_BITS of the query agrees that closely in at least one band, as long
 * as bands × (radius + 1) > CANDIDATE_BITS.
 */
export interface BandLayout {
  readonly bands: number
  readonly bits: number
  readonly radius: number
  /** Every value of `bits` bits with at most `radius` set: the probes around a band's value. */
  readonly masks: Uint32Array
}

function masksOf(bits: number, radius: number): Uint32Array {
  const out: number[] = []
  const pick = (from: number, left: number, mask: number): void => {
    out.push(mask)
    if (left === 0) return
    for (let b = from; b < bits; b++) pick(b + 1, left - 1, mask | (1 << b))
  }
  pick(0, radius, 0)
  return Uint32Array.from(out)
}

const layout = (bands: number, bits: number): BandLayout => {
  const radius = Math.floor(CANDIDATE_BITS / bands)
  return { bands, bits, radius, masks: masksOf(bits, radius) }
}

/**
 * Four 16-bit bands (137 probes each) while a table is small; three 21-bit bands (1,562 probes
 * each, 25 MB of chain heads) once it holds more than WIDEN_AT hashes. A bucket of a 16-bit band
 * holds about n / 65,536 entries, so past that size a search's work grows with the library;
 * 21-bit buckets hold 32 times fewer, and the probes cost the same at any size. The wide
 * layout's 11× more probes pay for themselves from about 2^18 hashes (bench:duplicates' scale
 * table, whose cropped-view table of five hashes a photo gets there at ~52,000 photos).
 */
export const NARROW = layout(4, 16)
export const WIDE = layout(3, 21)
export const WIDEN_AT = 1 << 18

/** Band k of a 64-bit hash ([high word, low word]): bits k·bits up to (k + 1)·bits. */
export function bandOf(h: Hash, k: number, bits: number): number {
  const from = k * bits
  const to = from + bits
  let v = 0
  if (from < 32) v = h[1] >>> from
  if (to > 32) v = from >= 32 ? h[0] >>> (from - 32) : v | (h[0] << (32 - from))
  return (v & ((1 << bits) - 1)) >>> 0
}

/**
 * 64-bit hashes in a multi-index hash table (Norouzi et al.): each hash is filed under each of
 * its bands, and a search probes, in each band, the values within the layout's radius of the
 * query's. The work is those probes plus the entries they hit, not the number of hashes
 * stored; the table moves to the wide layout as it grows (see WIDE).
 */
export class HashTable {
  private hi = new Uint32Array(1024)
  private lo = new Uint32Array(1024)
  private owner = new Int32Array(1024)
  private next: Int32Array
  private stamp = new Uint32Array(1024)
  private heads: Int32Array
  private count = 0
  private dead = 0
  private query = 0
  /** Entries looked at by searches so far (for the bench). */
  examined = 0

  constructor(
    private layout: BandLayout = NARROW,
    private readonly widenAt = WIDEN_AT
  ) {
    this.next = new Int32Array(1024 * layout.bands)
    this.heads = new Int32Array(layout.bands << layout.bits).fill(-1)
  }

  /** The layout in use (the bench and tests read it). */
  get bands(): number {
    return this.layout.bands
  }

  get entries(): number {
    return this.count - this.dead
  }

  add(h: Hash, owner: number): void {
    if (this.count === this.hi.length) this.grow()
    const e = this.count++
    this.hi[e] = h[0]
    this.lo[e] = h[1]
    this.owner[e] = owner
    this.file(e)
    if (this.layout !== WIDE && this.entries > this.widenAt) this.refile(WIDE)
  }

  private file(e: number): void {
    const { bands, bits } = this.layout
    const h: Hash = [this.hi[e]!, this.lo[e]!]
    for (let k = 0; k < bands; k++) {
      const head = (k << bits) | bandOf(h, k, bits)
      this.next[e * bands + k] = this.heads[head]!
      this.heads[head] = e
    }
  }

  /** Forgets every entry of `owner` (entries stay as tombstones until the table is rebuilt). */
  removeOwner(owner: number, hashes: readonly Hash[]): void {
    const { bands, bits } = this.layout
    for (const h of hashes)
      for (let e = this.heads[bandOf(h, 0, bits)]!; e >= 0; e = this.next[e * bands]!)
        if (this.owner[e] === owner) {
          this.owner[e] = -1
          this.dead++
        }
    if (this.dead > 1024 && this.dead * 2 > this.count) this.refile(this.layout)
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
    const { bands, bits, masks } = this.layout
    for (let k = 0; k < bands; k++) {
      const value = bandOf(h, k, bits)
      const base = k << bits
      for (let m = 0; m < masks.length; m++) {
        for (
          let e = this.heads[base | (value ^ masks[m]!)]!;
          e >= 0;
          e = this.next[e * bands + k]!
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
    this.next = widen(this.next, size * this.layout.bands)
  }

  /** Drops tombstones and files the live entries again, in `to`'s layout. */
  private refile(to: BandLayout): void {
    let live = 0
    for (let e = 0; e < this.count; e++) {
      if (this.owner[e]! < 0) continue
      this.hi[live] = this.hi[e]!
      this.lo[live] = this.lo[e]!
      this.owner[live] = this.owner[e]!
      this.stamp[live] = 0
      live++
    }
    if (to !== this.layout) {
      this.layout = to
      this.heads = new Int32Array(to.bands << to.bits)
      this.next = new Int32Array(this.hi.length * to.bands)
    }
    this.heads.fill(-1)
    this.count = live
    this.dead = 0
    for (let e = 0; e < live; e++) this.file(e)
  }
}
