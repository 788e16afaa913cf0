import type { Db } from '../../platform/store/database'

export type PreviewState = 'queued' | 'processing' | 'done' | 'failed' | 'skipped'

/** A claimed preview: the job, and the content its thumbnail was made from. */
/** The fields of a job (library_jobs) that phase 2 reads. */
export interface PreviewJobRow {
  id: number
  batch_id: number
  path: string | null
}

export interface PreviewJob {
  readonly job: PreviewJobRow
  readonly hash: string
}

/**
 * Phase 2 of the import queue (library_jobs.preview): the previews a batch still has to make.
 * Thumbnails first: a job is 'done' once its photo is in the grid; its preview is queued then.
 */
export class PreviewJobs {
  private readonly countsStmt
  private readonly claimStmt
  private readonly claimOneStmt
  private readonly setStmt
  private readonly hashOf

  constructor(private readonly db: Db) {
    this.countsStmt = db.prepare<[number], { preview: PreviewState; n: number }>(
      `SELECT preview, count(*) AS n FROM library_jobs
       WHERE batch_id = ? AND preview IS NOT NULL GROUP BY preview`
    )
    this.claimStmt = db.prepare<[number, number, number], PreviewJobRow>(
      `UPDATE library_jobs SET preview = 'processing', updated_at = ?
       WHERE id IN (SELECT id FROM library_jobs WHERE batch_id = ? AND preview = 'queued'
                    ORDER BY id LIMIT ?)
       RETURNING *`
    )
    this.claimOneStmt = db.prepare<[number, number], PreviewJobRow>(
      `UPDATE library_jobs SET preview = 'processing', updated_at = ?
       WHERE id = ? AND preview = 'queued' RETURNING *`
    )
    this.setStmt = db.prepare<[PreviewState | null, number, number]>(
      'UPDATE library_jobs SET preview = ?, updated_at = ? WHERE id = ?'
    )
    this.hashOf = db.prepare<[string], { hash: string }>(
      'SELECT hash FROM library_photos WHERE path = ?'
    )
  }

  /** Sets a job's phase-2 state (null: no preview to make). */
  set(id: number, state: PreviewState | null, now: number): void {
    this.setStmt.run(state, now, id)
  }

  /**
   * Marks the next queued previews of a batch (or only the jobs `ids`, bumped by the user) as
   * processing. A job whose photo left the library meanwhile has no preview to make: skipped.
   */
  claim(batchId: number, limit: number, now: number, ids?: readonly number[]): PreviewJob[] {
    if (limit <= 0) return []
    const rows = ids
      ? ids.slice(0, limit).flatMap((id) => this.claimOneStmt.all(now, id))
      : this.claimStmt.all(now, batchId, limit)
    const claimed: PreviewJob[] = []
    for (const job of rows) {
      const hash = job.path ? this.hashOf.get(job.path)?.hash : undefined
      if (hash) claimed.push({ job, hash })
      else this.setStmt.run('skipped', now, job.id)
    }
    return claimed
  }

  /** The queued preview of the photo at `path` in a batch, if any (to bump it). */
  queued(batchId: number, path: string): number | null {
    const row = this.db
      .prepare<[number, string], { id: number }>(
        `SELECT id FROM library_jobs WHERE batch_id = ? AND path = ? AND preview = 'queued'`
      )
      .get(batchId, path)
    return row?.id ?? null
  }

  /** Adds the batch's previews by state to `into` (skipped ones are not counted). */
  countInto(
    batchId: number,
    into: { queued: number; processing: number; done: number; failed: number }
  ): void {
    for (const row of this.countsStmt.all(batchId))
      if (row.preview !== 'skipped') into[row.preview] += row.n
  }
}
