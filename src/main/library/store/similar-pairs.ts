import type { Fingerprint } from '@shared/library/fingerprint'
import { encodeFingerprint, fingerprintFromBase64 } from '@shared/library/fingerprint-codec'
import type { PairingResult } from '@shared/worker/pairing-protocol'
import type { Db } from '../../platform/store/database'
import type { Logger } from '../../platform/log'
import { encodeKey, nearKey } from './near-index'

/**
 * Near-duplicate contents (library_similar): pairs of different contents the rule in
 * near-duplicate.ts calls the same picture. A pair goes with either content (ON DELETE
 * CASCADE); a pair the user called "not duplicates" (library_not_duplicates) is never made.
 *
 * Pairs are made in the background, not while an import writes its results: a stored content is
 * queued in library_similar_backfill, the pairing worker (pairing/) compares it with its
 * candidates off main's event loop, and `apply` writes what it found.
 */
export class SimilarPairs {
  private readonly clear
  private readonly queue
  private readonly saveKey
  private readonly saveData
  private readonly keyOf
  private readonly insert
  private readonly done
  private readonly forget
  private readonly isQueued

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
    // The worker's answer may outlive either content: such a pair is skipped rather than
    // failing the foreign key.
    this.insert = db.prepare<[string, string, number, string, string, string, string]>(
      `INSERT OR IGNORE INTO library_similar (a, b, distance) SELECT ?, ?, ?
       WHERE EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)
         AND NOT EXISTS (SELECT 1 FROM library_not_duplicates WHERE a = ? AND b = ?)
         AND EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)`
    )
    this.done = db.prepare<[string]>('DELETE FROM library_similar_backfill WHERE hash = ?')
    // A partner queued again (stored again since the worker read it) pairs on its own turn.
    this.isQueued = db
      .prepare<[string], number>('SELECT 1 FROM library_similar_backfill WHERE hash = ?')
      .pluck()
    this.forget = [
      db.prepare<[string]>('DELETE FROM library_near_keys WHERE hash = ?'),
      db.prepare<[string]>('DELETE FROM library_fingerprints WHERE hash = ?')
    ]
  }

  /**
   * A content was stored, or its thumbnail made again: its pairs are made again. `fingerprint`
   * (base64, from the image worker) saves reading the thumbnail back; without it the pairing
   * worker makes one from the thumbnail as it is now. (`_phash`, the dHash, no longer decides anything.)
   */
  record(hash: string, _phash?: string, fingerprint?: string | null): void {
    this.clear.run(hash, hash)
    const made = fingerprint ? fingerprintFromBase64(fingerprint) : null
    if (made) this.store(hash, made)
    else for (const f of this.forget) f.run(hash)
    this.queue.run(hash)
    wake(this.db)
  }

  /** Saves a content's fingerprint, or that none can be made (null). */
  store(hash: string, f: Fingerprint | null): void {
    this.saveKey.run(hash, f ? encodeKey(nearKey(f)) : null, f ? f.sharpness : null, hash)
    if (f) this.saveData.run(hash, encodeFingerprint(f), hash)
  }

  /**
   * Writes a pairing worker's pass, in one transaction: fingerprints it made from thumbnails,
   * then the pairs of each content it compared, unless that content was stored again meanwhile
   * (its key differs: it stays queued). Returns the pairs added.
   */
  apply(result: Omit<PairingResult, 'seq' | 'type'>, log?: Logger): number {
    return this.db.transaction(() => {
      let added = 0
      for (const { hash, fingerprint } of result.read) {
        if (!this.isQueued.get(hash) || this.keyOf.get(hash)) continue
        const made = fingerprint ? fingerprintFromBase64(fingerprint) : null
        if (!made) log?.warn('no fingerprint for a thumbnail', { hash })
        this.store(hash, made)
      }
      for (const p of result.paired) {
        const row = this.keyOf.get(p.hash)
        const now = row?.key ? Buffer.from(row.key).toString('base64') : null
        if (!row || now !== p.key) continue
        for (const other of p.partners) {
          if (this.isQueued.get(other.hash)) continue
          const [a, b] = p.hash < other.hash ? [p.hash, other.hash] : [other.hash, p.hash]
          added += this.insert.run(a, b, other.distance, other.hash, a, b, p.hash).changes
        }
        this.done.run(p.hash)
      }
      return added
    })()
  }
}

/** Wakes the pairing of a library when a content is queued (pairing/pairing-client.ts). */
const wakers = new WeakMap<Db, () => void>()
const wake = (db: Db): void => wakers.get(db)?.()
export function onQueued(db: Db, waker: (() => void) | null): void {
  if (waker) wakers.set(db, waker)
  else wakers.delete(db)
}
