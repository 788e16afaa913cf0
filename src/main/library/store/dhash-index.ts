import { NEAR_DUPLICATE_BITS, hashHalves, isFlatHash, popcount32 } from '@shared/library/dhash'
import type { Db } from '../../platform/store/database'

export interface Near {
  readonly hash: string
  readonly distance: number
}

/**
 * Every content's dHash (library_assets.phash) as two columns of 32-bit halves, so finding the
 * contents near a new one is a tight loop over typed arrays: about 0.1 ms for 10,000 contents,
 * where a SQL scan calling a JS function per row takes about 5 ms. Flat hashes are left out.
 */
export class DHashIndex {
  private hashes: string[] = []
  private hi = new Uint32Array(256)
  private lo = new Uint32Array(256)
  private readonly slots = new Map<string, number>()

  get size(): number {
    return this.hashes.length
  }

  /** Adds a content or changes its dHash. */
  put(hash: string, phash: string): void {
    if (isFlatHash(phash)) {
      this.remove(hash)
      return
    }
    let slot = this.slots.get(hash)
    if (slot === undefined) {
      slot = this.hashes.length
      if (slot === this.hi.length) {
        const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
          const b = new Uint32Array(a.length * 2)
          b.set(a)
          return b
        }
        this.hi = grow(this.hi)
        this.lo = grow(this.lo)
      }
      this.hashes.push(hash)
      this.slots.set(hash, slot)
    }
    const [hi, lo] = hashHalves(phash)
    this.hi[slot] = hi
    this.lo[slot] = lo
  }

  remove(hash: string): void {
    const slot = this.slots.get(hash)
    if (slot === undefined) return
    // The last entry moves into the freed slot.
    const last = this.hashes.length - 1
    const moved = this.hashes[last]!
    this.hashes[slot] = moved
    this.hi[slot] = this.hi[last]!
    this.lo[slot] = this.lo[last]!
    this.slots.set(moved, slot)
    this.hashes.pop()
    this.slots.delete(hash)
  }

  /** Other contents whose dHash is within `maxBits` of `phash`. */
  near(phash: string, except: string, maxBits = NEAR_DUPLICATE_BITS): Near[] {
    if (isFlatHash(phash)) return []
    const [h, l] = hashHalves(phash)
    const { hi, lo, hashes } = this
    const found: Near[] = []
    for (let i = 0; i < hashes.length; i++) {
      const distance = popcount32(hi[i]! ^ h) + popcount32(lo[i]! ^ l)
      if (distance <= maxBits && hashes[i] !== except) found.push({ hash: hashes[i]!, distance })
    }
    return found
  }
}

const indexes = new WeakMap<Db, DHashIndex>()

/** The connection's index, loaded from library_assets the first time it is asked for. */
export function dHashIndex(db: Db): DHashIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new DHashIndex()
    const all = db
      .prepare<[], [string, string]>('SELECT hash, phash FROM library_assets')
      .raw()
      .all()
    for (const [hash, phash] of all) index.put(hash, phash)
    indexes.set(db, index)
  }
  return index
}

/** The index if it was loaded already (removals need not load it). */
export const loadedDHashIndex = (db: Db): DHashIndex | undefined => indexes.get(db)
