import { fingerprint, type Fingerprint } from '@shared/library/fingerprint'
import {
  decodeFingerprint,
  encodeFingerprint,
  fingerprintFromBase64
} from '@shared/library/fingerprint-codec'
import { compare } from '@shared/library/near-duplicate'
import type { Db } from '../../platform/store/database'
import type { Logger } from '../../platform/log'
import { loadedNearIndex, nearIndex } from './dhash-index'
import { decodeKey, encodeKey, nearKey, type NearKey } from './near-index'
import { thumbnailPixels, type Pixels } from './thumbnail-pixels'

/**
 * Near-duplicate contents (library_similar): pairs of different contents the rule in
 * near-duplicate.ts calls the same picture. A pair goes with either content (ON DELETE
 * CASCADE); a pair the user called "not duplicates" (library_not_duplicates) is never made.
 *
 * Pairs are made in the background (PairingLoop), not while an import writes its results: a
 * stored content is queued in library_similar_backfill, and the loop compares it with its
 * candidates from the index, a few milliseconds at a time.
 */
export class SimilarPairs {
  private readonly clear
  private readonly queue
  private readonly saveKey
  private readonly saveData
  private readonly keyOf
  private readonly dataOf
  private readonly insert
  private readonly done
  private readonly forget

  constructor(private readonly db: Db) {
    this.clear = db.prepare<[string, string]>('DELETE FROM library_similar WHERE a = ? OR b = ?')
    this.queue = db.prepare<[string]>(
      'INSERT OR IGNORE INTO library_similar_backfill (hash) VALUES (?)'
    )
    // Only for a content still stored: the worker's reply may outlive its content.
    this.saveKey = db.prepare<[string, Uint8Array | null, number | null, string]>(
      `INSERT INTO library_near_keys (hash, key, sharpness) SELECT ?, ?, ?
       WHERE EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)
       ON CONFLICT (hash) DO UPDATE SET key = excluded.key, sharpness = excluded.sharpness`
    )
    this.saveData = db.prepare<[string, Uint8Array, string]>(
      `INSERT INTO library_fingerprints (hash, data) SELECT ?, ?
       WHERE EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)
       ON CONFLICT (hash) DO UPDATE SET data = excluded.data`
    )
    this.keyOf = db.prepare<[string], { key: Uint8Array | null }>(
      'SELECT key FROM library_near_keys WHERE hash = ?'
    )
    this.dataOf = db.prepare<[string], { data: Uint8Array }>(
      'SELECT data FROM library_fingerprints WHERE hash = ?'
    )
    // The in-memory index may hold a content whose transaction was rolled back: such a partner
    // is skipped rather than failing the foreign key.
    this.insert = db.prepare<[string, string, number, string, string, string, string]>(
      `INSERT OR IGNORE INTO library_similar (a, b, distance) SELECT ?, ?, ?
       WHERE EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)
         AND NOT EXISTS (SELECT 1 FROM library_not_duplicates WHERE a = ? AND b = ?)
         AND EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)`
    )
    this.done = db.prepare<[string]>('DELETE FROM library_similar_backfill WHERE hash = ?')
    this.forget = [
      db.prepare<[string]>('DELETE FROM library_near_keys WHERE hash = ?'),
      db.prepare<[string]>('DELETE FROM library_fingerprints WHERE hash = ?')
    ]
  }

  /**
   * A content was stored, or its thumbnail made again: its pairs are made again. `fingerprint`
   * (base64, from the worker) saves reading the thumbnail back; without it the loop makes one
   * from the thumbnail as it is now. (`_phash`, the dHash, no longer decides anything.)
   */
  record(hash: string, _phash?: string, fingerprint?: string | null): void {
    this.clear.run(hash, hash)
    const made = fingerprint ? fingerprintFromBase64(fingerprint) : null
    if (made) this.store(hash, made)
    else for (const f of this.forget) f.run(hash)
    this.queue.run(hash)
    loadedNearIndex(this.db)?.remove(hash)
    wake(this.db)
  }

  /** Saves a content's fingerprint, or that none can be made (null). */
  store(hash: string, f: Fingerprint | null): void {
    this.saveKey.run(hash, f ? encodeKey(nearKey(f)) : null, f ? f.sharpness : null, hash)
    if (f) this.saveData.run(hash, encodeFingerprint(f), hash)
  }

  /** The content's index key: undefined when not made yet, null when it cannot be. */
  key(hash: string): NearKey | null | undefined {
    const row = this.keyOf.get(hash)
    if (!row) return undefined
    return row.key ? decodeKey(row.key) : null
  }

  fingerprint(hash: string): Fingerprint | null {
    const row = this.dataOf.get(hash)
    return row ? decodeFingerprint(row.data) : null
  }

  /** Compares a queued content with its candidates, records its pairs and indexes it. */
  pair(hash: string, key: NearKey | null): number {
    let added = 0
    const mine = key && this.fingerprint(hash)
    if (key && mine) {
      const index = nearIndex(this.db)
      for (const other of index.candidates(key, hash)) {
        const theirs = this.fingerprint(other)
        if (!theirs) continue
        const verdict = compare(theirs, mine)
        if (!verdict.near) continue
        const [a, b] = hash < other ? [hash, other] : [other, hash]
        const distance = Math.round((1 - verdict.score) * 1000)
        added += this.insert.run(a, b, distance, other, a, b, hash).changes
      }
      index.put(hash, key)
    }
    this.done.run(hash)
    return added
  }
}

export interface Backfill {
  /** Resolves with the pairs added once the queue was first empty (or the loop stopped). */
  readonly done: Promise<number>
  /** Resolves when nothing is queued or being read (again). */
  idle(): Promise<void>
  /**
   * Holds pairing while an import runs: the import's own work on main comes first, and
   * pairing catches up when it is idle (measured: pairing beside an import doubled main's
   * loop delay).
   */
  setHeld(held: boolean): void
  stop(): void
}

const loops = new WeakMap<Db, PairingLoop>()
const wake = (db: Db): void => loops.get(db)?.wake()

/**
 * Makes the pairs of queued contents (library_similar_backfill): after a migration, every
 * content; then each new one. Runs on the main thread in slices of about `sliceMs`, yielding to
 * the event loop between them; thumbnails of contents without a fingerprint are read by sharp
 * off the thread, `reads` at a time.
 */
export function backfillSimilar(
  db: Db,
  options: { thumbsDir: string; log?: Logger; sliceMs?: number; chunk?: number; reads?: number }
): Backfill {
  loops.get(db)?.stop()
  const loop = new PairingLoop(db, options.thumbsDir, {
    sliceMs: options.sliceMs ?? 8,
    chunk: options.chunk ?? 16,
    reads: options.reads ?? 2,
    log: options.log
  })
  loops.set(db, loop)
  loop.wake()
  return {
    done: loop.firstDrain,
    idle: () => loop.idle(),
    setHeld: (held) => loop.setHeld(held),
    stop: () => loop.stop()
  }
}

class PairingLoop {
  private readonly pairs: SimilarPairs
  private readonly ready
  private readonly unread
  private readonly reading = new Set<string>()
  private readonly read: { hash: string; pixels: Pixels | null }[] = []
  private queued: string[] = []
  private timer: NodeJS.Immediate | null = null
  private stopped = false
  private added = 0
  private waiters: (() => void)[] = []
  private drained: (added: number) => void = () => undefined
  readonly firstDrain = new Promise<number>((resolve) => (this.drained = resolve))

  constructor(
    private readonly db: Db,
    private readonly thumbsDir: string,
    private readonly o: { sliceMs: number; chunk: number; reads: number; log?: Logger }
  ) {
    this.pairs = new SimilarPairs(db)
    this.ready = db.prepare<[number], { hash: string }>(
      `SELECT b.hash FROM library_similar_backfill b
       JOIN library_near_keys k ON k.hash = b.hash LIMIT ?`
    )
    this.unread = db.prepare<[number], { hash: string; thumb: string }>(
      `SELECT b.hash, a.thumb FROM library_similar_backfill b
       JOIN library_assets a ON a.hash = b.hash
       WHERE NOT EXISTS (SELECT 1 FROM library_near_keys k WHERE k.hash = b.hash) LIMIT ?`
    )
  }

  private held = false

  wake(): void {
    if (!this.stopped && !this.held && !this.timer) this.timer = setImmediate(() => this.slice())
  }

  setHeld(held: boolean): void {
    this.held = held
    if (held && this.timer) {
      clearImmediate(this.timer)
      this.timer = null
    }
    if (!held) this.wake()
  }

  idle(): Promise<void> {
    return this.stopped || this.isIdle()
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push(resolve))
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearImmediate(this.timer)
    this.timer = null
    this.settle()
  }

  private isIdle(): boolean {
    return (
      this.reading.size === 0 &&
      this.read.length === 0 &&
      this.queued.length === 0 &&
      !this.ready.get(1) &&
      !this.unread.get(1)
    )
  }

  private settle(): void {
    this.drained(this.added)
    for (const w of this.waiters.splice(0)) w()
  }

  private slice(): void {
    this.timer = null
    if (this.stopped) return
    try {
      const started = performance.now()
      let more = true
      while (more && performance.now() - started < this.o.sliceMs) more = this.step()
      this.startReads()
      if (more) this.wake()
      else if (this.isIdle()) this.settle()
    } catch (error) {
      // The database refused (full disk, closed): pairing stops until the next start.
      this.o.log?.warn('near-duplicate pairing stopped', { error: String(error) })
      this.stop()
    }
  }

  /** One bounded piece of work; false when none is left to do on this thread now. */
  private step(): boolean {
    const thumb = this.read.shift()
    if (thumb) {
      this.pairs.store(thumb.hash, thumb.pixels && this.fingerprintOf(thumb.hash, thumb.pixels))
      return true
    }
    if (this.queued.length === 0) this.queued = this.ready.all(this.o.chunk).map((r) => r.hash)
    const next = this.queued.shift()
    if (!next) return false
    // One content per transaction, its key read afresh: the slice can stop after any of them.
    this.added += this.db.transaction(() => this.pairs.pair(next, this.pairs.key(next) ?? null))()
    return true
  }

  private fingerprintOf(hash: string, p: Pixels): Fingerprint | null {
    try {
      return fingerprint(p.data, p.width, p.height, p.channels)
    } catch (error) {
      this.o.log?.warn('no fingerprint for a thumbnail', { hash, error: String(error) })
      return null
    }
  }

  /** Reads thumbnails of queued contents that have no fingerprint yet. */
  private startReads(): void {
    const room = this.o.reads - this.reading.size
    if (room <= 0 || this.stopped) return
    for (const { hash, thumb } of this.unread.all(room + this.reading.size)) {
      if (this.reading.has(hash) || this.reading.size >= this.o.reads) continue
      this.reading.add(hash)
      thumbnailPixels(this.thumbsDir, thumb).then(
        (pixels) => this.finishRead(hash, pixels),
        () => {
          // A thumbnail that is gone or unreadable: the content is left without pairs. (sharp's
          // message names the file, a path below the user's folder: not logged.)
          this.o.log?.warn('thumbnail unreadable for near-duplicates', { hash })
          this.finishRead(hash, null)
        }
      )
    }
  }

  private finishRead(hash: string, pixels: Pixels | null): void {
    this.reading.delete(hash)
    this.read.push({ hash, pixels })
    this.wake()
  }
}
