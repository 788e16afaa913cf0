import Database from 'better-sqlite3'
import { fingerprint } from '@shared/library/fingerprint'
import { decodeFingerprint, fingerprintToBase64 } from '@shared/library/fingerprint-codec'
import { compare } from '@shared/library/near-duplicate'
import type { Paired, PairingPassRequest, PairingResult } from '@shared/worker/pairing-protocol'
import { decodeKey, loadNearIndex, type NearIndex } from '../store/near-index'
import { thumbnailPixels } from '../store/thumbnail-pixels'

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

/**
 * The pairing worker's side of the library: a read-only connection and the near-duplicate index,
 * loaded once and kept for the worker's life. Queued contents (library_similar_backfill) are
 * never candidates, as on main before: each is paired when its own turn comes.
 */
export class PairingReader {
  private readonly db: Database.Database
  private readonly index: NearIndex
  private readonly ready
  private readonly unread
  private readonly queued
  private readonly dataOf

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true })
    this.db.pragma('busy_timeout = 5000')
    this.ready = this.db.prepare<[number], { hash: string; key: Uint8Array | null }>(
      `SELECT b.hash, k.key FROM library_similar_backfill b
       JOIN library_near_keys k ON k.hash = b.hash LIMIT ?`
    )
    this.unread = this.db.prepare<[number], { hash: string; thumb: string }>(
      `SELECT b.hash, a.thumb FROM library_similar_backfill b
       JOIN library_assets a ON a.hash = b.hash
       WHERE NOT EXISTS (SELECT 1 FROM library_near_keys k WHERE k.hash = b.hash) LIMIT ?`
    )
    this.queued = this.db
      .prepare<[string], number>('SELECT 1 FROM library_similar_backfill WHERE hash = ?')
      .pluck()
    this.dataOf = this.db
      .prepare<[string], Uint8Array>('SELECT data FROM library_fingerprints WHERE hash = ?')
      .pluck()
    this.index = loadNearIndex(this.db)
  }

  close(): void {
    this.db.close()
  }

  /** One pass: thumbnails read for contents without a key, then contents with one paired. */
  async pass(request: PairingPassRequest): Promise<Omit<PairingResult, 'seq'>> {
    const read = await this.readThumbnails(request.thumbsDir, request.reads)
    const paired: Paired[] = []
    const done = new Set<string>()
    for (const { hash, key } of this.ready.all(request.pairs)) {
      paired.push(this.pair(hash, key, done))
      done.add(hash)
    }
    return { type: 'result', read, paired }
  }

  private pair(hash: string, bytes: Uint8Array | null, done: ReadonlySet<string>): Paired {
    const key = bytes && decodeKey(bytes)
    const data = key && this.dataOf.get(hash)
    const mine = data && decodeFingerprint(data)
    const partners: Paired['partners'] = []
    if (!key || !mine) {
      this.index.remove(hash)
      return { hash, key: bytes && base64(bytes), partners }
    }
    for (const other of this.index.candidates(key, hash)) {
      // Still queued (stored again, or not paired yet): it is compared when its turn comes.
      if (!done.has(other) && this.queued.get(other)) continue
      const stored = this.dataOf.get(other)
      const theirs = stored && decodeFingerprint(stored)
      if (!theirs) {
        // Its content was removed from the library since the index was loaded.
        if (!stored) this.index.remove(other)
        continue
      }
      const verdict = compare(theirs, mine)
      if (verdict.near)
        partners.push({ hash: other, distance: Math.round((1 - verdict.score) * 1000) })
    }
    this.index.put(hash, key)
    return { hash, key: base64(bytes), partners }
  }

  /** Fingerprints from stored thumbnails, two reads at a time (libvips works off this thread). */
  private async readThumbnails(thumbsDir: string, count: number): Promise<PairingResult['read']> {
    const todo = count > 0 ? this.unread.all(count) : []
    const out: PairingResult['read'] = []
    const next = async (): Promise<void> => {
      for (let item = todo.shift(); item; item = todo.shift()) {
        out.push({ hash: item.hash, fingerprint: await fingerprintOf(thumbsDir, item.thumb) })
      }
    }
    await Promise.all([next(), next()])
    return out
  }
}

/** A thumbnail that is gone, unreadable or odd gives no fingerprint: its content gets no pairs. */
async function fingerprintOf(thumbsDir: string, thumb: string): Promise<string | null> {
  try {
    const p = await thumbnailPixels(thumbsDir, thumb)
    return fingerprintToBase64(fingerprint(p.data, p.width, p.height, p.channels))
  } catch {
    // sharp's message names the file, a path below the user's folder: main logs the hash only.
    return null
  }
}
