import type { Fingerprint, Hash } from '@shared/library/fingerprint'
import {
  findByColour,
  findByHash,
  isNudgeable,
  screen,
  summary,
  type Summary
} from '@shared/library/near-duplicate'
import type Database from 'better-sqlite3'
import { HashTable } from './hash-table'

/** What the index keeps of a content: its summary and hashes (about 100 bytes). */
export interface NearKey {
  readonly summary: Summary
  readonly hash: Hash
  readonly windows: readonly Hash[]
}

export const nearKey = (f: Fingerprint): NearKey => ({
  summary: summary(f),
  hash: f.hash,
  windows: f.windows
})

const FIGURES = 9
const HASH_WORDS = 12
const KEY_BYTES = 4 + 4 * 7 + 8 * 6

/** A key as bytes, for the database (library_near_keys). */
export function encodeKey(k: NearKey): Uint8Array {
  const bytes = new Uint8Array(KEY_BYTES)
  const view = new DataView(bytes.buffer)
  const s = k.summary
  view.setUint16(0, s.width)
  view.setUint16(2, s.height)
  ;[...s.mean, s.structure, s.texture, s.detail, s.chromaSpread].forEach((v, i) =>
    view.setFloat32(4 + 4 * i, v)
  )
  ;[k.hash, ...k.windows].forEach((h, i) => {
    view.setUint32(32 + 8 * i, h[0])
    view.setUint32(36 + 8 * i, h[1])
  })
  return bytes
}

export function decodeKey(bytes: Uint8Array): NearKey | null {
  if (bytes.length !== KEY_BYTES) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const f = (i: number): number => view.getFloat32(4 + 4 * i)
  const hashes: Hash[] = []
  for (let i = 0; i < 6; i++) hashes.push([view.getUint32(32 + 8 * i), view.getUint32(36 + 8 * i)])
  return {
    summary: {
      width: view.getUint16(0),
      height: view.getUint16(2),
      mean: [f(0), f(1), f(2)],
      structure: f(3),
      texture: f(4),
      detail: f(5),
      chromaSpread: f(6)
    },
    hash: hashes[0]!,
    windows: hashes.slice(1)
  }
}

/** Colour buckets: mean Y, Cb and Cr in steps of this many levels. */
const LUMA_STEP = 16
const CHROMA_STEP = 8
/**
 * Buckets searched around a picture's own, each way: flat and smooth pictures match only at
 * nearly the same colour; grain may be nudged (what a brightness or contrast nudge can move).
 */
const REACH = { tight: [1, 1], nudged: [4, 3] } as const
const cell = (s: Summary): [number, number, number] => [
  Math.floor(s.mean[0] / LUMA_STEP),
  Math.floor(s.mean[1] / CHROMA_STEP),
  Math.floor(s.mean[2] / CHROMA_STEP)
]
const bucket = (y: number, cb: number, cr: number): number => ((y + 8) * 64 + cb + 8) * 64 + cr + 8

/**
 * The contents a new picture may be a near-duplicate of, found without looking at every content:
 *
 * - pictures with a pattern of their own by their pHashes, in multi-index hash tables: the whole
 *   picture against the whole (F), and against slightly cropped views (W) both ways, so a
 *   cropped copy meets its original whichever was imported first;
 * - flat, smooth and grainy pictures, whose hash bits are noise, by their mean colour.
 *
 * Candidates then pass the rule's cheap steps on the summaries kept here; only those are
 * compared in full (near-duplicate.ts), their fingerprints read from the database.
 */
export class NearIndex {
  private readonly slots = new Map<string, number>()
  private readonly ids: (string | null)[] = []
  private readonly free: number[] = []
  /** Per slot, kept compact (about 90 bytes): the summary's figures and the six hashes. */
  private figures = new Float32Array(FIGURES * 256)
  private hashes = new Uint32Array(HASH_WORDS * 256)
  private readonly whole = new HashTable()
  private readonly views = new HashTable()
  private readonly colours = new Map<number, Set<number>>()
  /** Entries and summaries looked at since the last reset (for the bench). */
  looked = 0

  get size(): number {
    return this.slots.size
  }

  has(id: string): boolean {
    return this.slots.has(id)
  }

  /** Adds a content, or replaces what was kept for it. */
  put(id: string, key: NearKey): void {
    this.remove(id)
    const slot = this.free.pop() ?? this.ids.length
    this.slots.set(id, slot)
    this.ids[slot] = id
    this.keep(slot, key)
    // Filed by the figures as kept (float32), so remove() finds the same places.
    const kept = this.key(slot)
    if (findByHash(kept.summary)) {
      this.whole.add(kept.hash, slot)
      for (const w of kept.windows) this.views.add(w, slot)
    }
    if (findByColour(kept.summary)) {
      const b = bucket(...cell(kept.summary))
      let set = this.colours.get(b)
      if (!set) this.colours.set(b, (set = new Set()))
      set.add(slot)
    }
  }

  remove(id: string): void {
    const slot = this.slots.get(id)
    if (slot === undefined) return
    const key = this.key(slot)
    if (findByHash(key.summary)) {
      this.whole.removeOwner(slot, [key.hash])
      this.views.removeOwner(slot, key.windows)
    }
    this.colours.get(bucket(...cell(key.summary)))?.delete(slot)
    this.slots.delete(id)
    this.ids[slot] = null
    this.free.push(slot)
  }

  /** Contents (not `except`) that may be the same picture as `key`, screened on summaries. */
  candidates(key: NearKey, except?: string): string[] {
    const seen = new Set<number>()
    const take = (slot: number): void => {
      seen.add(slot)
    }
    const before = this.whole.examined + this.views.examined
    if (findByHash(key.summary)) {
      this.whole.near(key.hash, take)
      this.views.near(key.hash, take)
      for (const w of key.windows) this.whole.near(w, take)
    }
    if (findByColour(key.summary)) {
      const [y, cb, cr] = cell(key.summary)
      const [ry, rc] = isNudgeable(key.summary) ? REACH.nudged : REACH.tight
      for (let i = -ry; i <= ry; i++)
        for (let j = -rc; j <= rc; j++)
          for (let k = -rc; k <= rc; k++)
            for (const slot of this.colours.get(bucket(y + i, cb + j, cr + k)) ?? []) seen.add(slot)
    }
    this.looked += this.whole.examined + this.views.examined - before + seen.size
    const out: string[] = []
    for (const slot of seen) {
      const id = this.ids[slot]
      if (id === null || id === undefined || id === except) continue
      if (screen(key.summary, this.summary(slot)) === null) out.push(id)
    }
    return out
  }

  private keep(slot: number, key: NearKey): void {
    if ((slot + 1) * FIGURES > this.figures.length) {
      const figures = new Float32Array(this.figures.length * 2)
      figures.set(this.figures)
      this.figures = figures
      const hashes = new Uint32Array(this.hashes.length * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    const s = key.summary
    this.figures.set(
      [s.width, s.height, ...s.mean, s.structure, s.texture, s.detail, s.chromaSpread],
      slot * FIGURES
    )
    this.hashes.set([key.hash, ...key.windows].flat(), slot * HASH_WORDS)
  }

  private summary(slot: number): Summary {
    const f = this.figures.subarray(slot * FIGURES, (slot + 1) * FIGURES)
    return {
      width: f[0]!,
      height: f[1]!,
      mean: [f[2]!, f[3]!, f[4]!],
      structure: f[5]!,
      texture: f[6]!,
      detail: f[7]!,
      chromaSpread: f[8]!
    }
  }

  private key(slot: number): NearKey {
    const h = this.hashes.subarray(slot * HASH_WORDS, (slot + 1) * HASH_WORDS)
    const hashes: Hash[] = []
    for (let i = 0; i < HASH_WORDS; i += 2) hashes.push([h[i]!, h[i + 1]!])
    return { summary: this.summary(slot), hash: hashes[0]!, windows: hashes.slice(1) }
  }
}

/**
 * The index of every stored key (library_near_keys), as the pairing worker keeps it. Contents no
 * fingerprint could be made for (key NULL) and keys that do not decode are left out.
 */
export function loadNearIndex(db: Pick<Database.Database, 'prepare'>): NearIndex {
  const index = new NearIndex()
  const rows = db
    .prepare<[], [string, Uint8Array]>(
      'SELECT hash, key FROM library_near_keys WHERE key IS NOT NULL'
    )
    .raw()
    .all()
  for (const [hash, bytes] of rows) {
    const key = decodeKey(bytes)
    if (key) index.put(hash, key)
  }
  return index
}
