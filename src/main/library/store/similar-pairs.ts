import type { Db } from '../../platform/store/database'
import { dHashIndex } from './dhash-index'

/**
 * Near-duplicate contents (library_similar): pairs of different contents whose dHashes are
 * within NEAR_DUPLICATE_BITS. A pair goes with either content (ON DELETE CASCADE).
 */
export class SimilarPairs {
  private readonly clear
  private readonly insert

  constructor(private readonly db: Db) {
    this.clear = db.prepare<[string, string]>('DELETE FROM library_similar WHERE a = ? OR b = ?')
    // The in-memory index may hold a content whose transaction was rolled back: such a partner
    // is skipped rather than failing the foreign key.
    this.insert = db.prepare<[string, string, number, string]>(
      `INSERT OR IGNORE INTO library_similar (a, b, distance)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM library_assets WHERE hash = ?)`
    )
  }

  /** A content was stored, or its dHash changed: pairs it with every content near it. */
  record(hash: string, phash: string): number {
    const index = dHashIndex(this.db)
    this.clear.run(hash, hash)
    index.put(hash, phash)
    return this.pairWithNear(hash, phash)
  }

  /** Pairs an existing content with those near it (the backfill); known pairs stay as they are. */
  pairWithNear(hash: string, phash: string): number {
    let added = 0
    for (const near of dHashIndex(this.db).near(phash, hash)) {
      const [a, b] = hash < near.hash ? [hash, near.hash] : [near.hash, hash]
      added += this.insert.run(a, b, near.distance, near.hash).changes
    }
    return added
  }
}

export interface Backfill {
  /** Resolves with the number of pairs added once every pending content was compared. */
  readonly done: Promise<number>
  stop(): void
}

/**
 * Pairs for contents imported before library_similar existed (listed by migration 21 in
 * library_similar_backfill). Runs in slices of about `sliceMs` on the main thread, yielding to
 * the event loop between them, so a big library is covered without a long freeze.
 */
export function backfillSimilar(
  db: Db,
  options: { sliceMs?: number; chunk?: number } = {}
): Backfill {
  const sliceMs = options.sliceMs ?? 8
  const chunk = options.chunk ?? 16
  const pairs = new SimilarPairs(db)
  const pending = db.prepare<[number], { hash: string; phash: string }>(
    `SELECT b.hash, a.phash FROM library_similar_backfill b
     JOIN library_assets a ON a.hash = b.hash LIMIT ?`
  )
  const drop = db.prepare<[string]>('DELETE FROM library_similar_backfill WHERE hash = ?')
  const step = db.transaction((): { added: number; more: boolean } => {
    const rows = pending.all(chunk)
    let added = 0
    for (const r of rows) {
      added += pairs.pairWithNear(r.hash, r.phash)
      drop.run(r.hash)
    }
    return { added, more: rows.length === chunk }
  })
  let stopped = false
  let total = 0
  let timer: NodeJS.Immediate | null = null
  let finish: (error?: unknown) => void = () => undefined
  const done = new Promise<number>((resolve, reject) => {
    finish = (error) => (error === undefined ? resolve(total) : reject(error))
  })
  const slice = (): void => {
    timer = null
    try {
      const started = performance.now()
      for (;;) {
        const { added, more } = step()
        total += added
        if (!more) return finish()
        if (performance.now() - started >= sliceMs) break
      }
    } catch (error) {
      return finish(error)
    }
    if (!stopped) timer = setImmediate(slice)
  }
  timer = setImmediate(slice)
  return {
    done,
    stop() {
      if (stopped) return
      stopped = true
      if (timer) clearImmediate(timer)
      timer = null
      finish()
    }
  }
}
