import type { FailureCode } from '@shared/library/reasons'
import type { Db } from '../../platform/store/database'
import { PreviewJobs, type PreviewState } from './preview-jobs'

export type { PreviewJob, PreviewState } from './preview-jobs'

export type JobState = 'queued' | 'downloading' | 'processing' | 'done' | 'failed' | 'skipped'

export interface JobRow {
  id: number
  batch_id: number
  source: string
  kind: 'file' | 'url'
  path: string | null
  state: JobState
  code: string | null
  reason: string | null
  attempts: number
  updated_at: number
  /** Phase 2 (the preview): null when there is none to make for this job. */
  preview: PreviewState | null
}

export interface NewFileJob {
  source: string
  /** Set when the walk already knows the file will not be imported. */
  skip?: { state: 'failed' | 'skipped'; code: FailureCode; reason: string }
}

export interface BatchCounts {
  total: number
  queued: number
  downloading: number
  processing: number
  done: number
  failed: number
  skipped: number
  duplicates: number
  /** Phase 2: previews to make in this batch, and how far they are. */
  previews: { queued: number; processing: number; done: number; failed: number }
}

/** One row per file or URL to import (library_jobs); the queue's persistent state. */
export class JobRepository {
  private readonly insertJob
  private readonly claimFilesStmt
  private readonly claimUrlsStmt
  private readonly finishStmt
  private readonly downloadedStmt
  private readonly countsStmt
  private readonly byId
  /** Phase 2 of each job: its preview. */
  readonly previews: PreviewJobs

  constructor(private readonly db: Db) {
    this.insertJob = db.prepare<
      [
        number,
        string,
        'file' | 'url',
        string | null,
        JobState,
        string | null,
        string | null,
        number
      ]
    >(
      `INSERT OR IGNORE INTO library_jobs (batch_id, source, kind, path, state, code, reason, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.claimFilesStmt = db.prepare<[number, number, number], JobRow>(
      `UPDATE library_jobs SET state = 'processing', updated_at = ?
       WHERE id IN (SELECT id FROM library_jobs
                    WHERE batch_id = ? AND state = 'queued' AND path IS NOT NULL
                    ORDER BY id LIMIT ?)
       RETURNING *`
    )
    this.claimUrlsStmt = db.prepare<[number, number, number], JobRow>(
      `UPDATE library_jobs SET state = 'downloading', updated_at = ?
       WHERE id IN (SELECT id FROM library_jobs
                    WHERE batch_id = ? AND state = 'queued' AND kind = 'url' AND path IS NULL
                    ORDER BY id LIMIT ?)
       RETURNING *`
    )
    this.finishStmt = db.prepare<[JobState, string | null, string | null, number, number]>(
      'UPDATE library_jobs SET state = ?, code = ?, reason = ?, updated_at = ? WHERE id = ?'
    )
    this.downloadedStmt = db.prepare<[string, number, number]>(
      `UPDATE library_jobs SET path = ?, state = 'queued', updated_at = ? WHERE id = ?`
    )
    this.countsStmt = db.prepare<[number], { state: JobState; dup: number; n: number }>(
      `SELECT state, code = 'duplicate' AS dup, count(*) AS n FROM library_jobs
       WHERE batch_id = ? GROUP BY state, dup`
    )
    this.byId = db.prepare<[number], JobRow>('SELECT * FROM library_jobs WHERE id = ?')
    this.previews = new PreviewJobs(db)
  }

  /** Adds file jobs; a source already in the batch is ignored. Returns the rows added. */
  addFiles(batchId: number, jobs: readonly NewFileJob[], now: number): JobRow['state'][] {
    const added: JobState[] = []
    this.db.transaction(() => {
      for (const job of jobs) {
        const state: JobState = job.skip?.state ?? 'queued'
        const r = this.insertJob.run(
          batchId,
          job.source,
          'file',
          job.source,
          state,
          job.skip?.code ?? null,
          job.skip?.reason ?? null,
          now
        )
        if (r.changes) added.push(state)
      }
    })()
    return added
  }

  addUrls(batchId: number, urls: readonly string[], now: number): number {
    let added = 0
    this.db.transaction(() => {
      for (const url of urls) {
        added += this.insertJob.run(batchId, url, 'url', null, 'queued', null, null, now).changes
      }
    })()
    return added
  }

  /** Marks the next queued files as processing and returns them. */
  claimFiles(batchId: number, limit: number, now: number): JobRow[] {
    return limit > 0 ? this.claimFilesStmt.all(now, batchId, limit) : []
  }

  claimUrls(batchId: number, limit: number, now: number): JobRow[] {
    return limit > 0 ? this.claimUrlsStmt.all(now, batchId, limit) : []
  }

  downloaded(id: number, path: string, now: number): void {
    this.downloadedStmt.run(path, now, id)
  }

  finish(
    id: number,
    state: 'done' | 'failed' | 'skipped',
    code: string | null,
    reason: string | null,
    now: number
  ): void {
    this.finishStmt.run(state, code, reason, now, id)
  }

  get(id: number): JobRow | undefined {
    return this.byId.get(id)
  }

  counts(batchId: number): BatchCounts {
    const c: BatchCounts = {
      total: 0,
      queued: 0,
      downloading: 0,
      processing: 0,
      done: 0,
      failed: 0,
      skipped: 0,
      duplicates: 0,
      previews: { queued: 0, processing: 0, done: 0, failed: 0 }
    }
    for (const row of this.countsStmt.all(batchId)) {
      c[row.state] += row.n
      c.total += row.n
      if (row.state === 'done' && row.dup) c.duplicates += row.n
    }
    this.previews.countInto(batchId, c.previews)
    return c
  }

  /**
   * After a quit or crash: work that was in flight goes back to the queue of a live batch
   * (a download starts over), and is dropped with a reason in a finished one. A restart is
   * not the file's fault, so it costs no strike: only the pool gives those, when a worker
   * crashes or hangs on the file itself (and files are read in workers, never in main).
   */
  recoverInterrupted(now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE library_jobs SET state = 'queued', updated_at = ?
           WHERE state IN ('processing', 'downloading')
             AND batch_id IN (SELECT id FROM library_batches WHERE state IN ('running', 'paused'))`
        )
        .run(now)
      // Either phase resumes: a preview being made goes back to the queue too.
      this.db
        .prepare(
          `UPDATE library_jobs SET preview = 'queued', updated_at = ?
           WHERE preview = 'processing'
             AND batch_id IN (SELECT id FROM library_batches WHERE state IN ('running', 'paused'))`
        )
        .run(now)
      this.db
        .prepare(
          `UPDATE library_jobs SET preview = 'skipped', updated_at = ?
           WHERE preview IN ('queued', 'processing')
             AND batch_id NOT IN (SELECT id FROM library_batches WHERE state IN ('running', 'paused'))`
        )
        .run(now)
      this.db
        .prepare(
          `UPDATE library_jobs SET state = 'skipped', code = 'cancelled', reason = 'Import cancelled.',
             updated_at = ?
           WHERE state IN ('queued', 'processing', 'downloading')
             AND batch_id NOT IN (SELECT id FROM library_batches WHERE state IN ('running', 'paused'))`
        )
        .run(now)
    })()
  }

  /**
   * Queued and downloading jobs of a batch become skipped(cancelled). Photos already in the grid
   * stay; the previews not made yet are skipped (the lightbox shows the thumbnail meanwhile).
   */
  cancelQueued(batchId: number, now: number): number {
    this.db
      .prepare(
        `UPDATE library_jobs SET preview = 'skipped', updated_at = ?
         WHERE batch_id = ? AND preview = 'queued'`
      )
      .run(now, batchId)
    return this.db
      .prepare(
        `UPDATE library_jobs SET state = 'skipped', code = 'cancelled', reason = 'Import cancelled.',
           updated_at = ?
         WHERE batch_id = ? AND state IN ('queued', 'downloading')`
      )
      .run(now, batchId).changes
  }

  /** Failed and skipped files the user has not dismissed, newest first (cancellations aside). */
  failures(offset: number, limit: number): { total: number; items: JobRow[] } {
    const where = `state IN ('failed', 'skipped') AND dismissed = 0 AND code != 'cancelled'`
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM library_jobs WHERE ${where}`).get() as {
        n: number
      }
    ).n
    const items = this.db
      .prepare<[number, number], JobRow>(
        `SELECT * FROM library_jobs WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`
      )
      .all(limit, offset)
    return { total, items }
  }

  /**
   * Moves failed jobs into `batchId` as queued with fresh attempts. A user's retry is
   * deliberate; the app itself never retries a failed file. Returns the jobs moved.
   */
  retry(batchId: number, jobIds: readonly number[] | null, now: number): number {
    const select = jobIds
      ? this.db.prepare<[number], JobRow>(
          `SELECT * FROM library_jobs WHERE id = ? AND state = 'failed'`
        )
      : null
    const rows = select
      ? jobIds!.map((id) => select.get(id)).filter((r): r is JobRow => !!r)
      : this.db
          .prepare<[], JobRow>(
            `SELECT * FROM library_jobs WHERE state = 'failed' AND dismissed = 0`
          )
          .all()
    let moved = 0
    this.db.transaction(() => {
      const drop = this.db.prepare<[number, string, number]>(
        'DELETE FROM library_jobs WHERE batch_id = ? AND source = ? AND id != ?'
      )
      const move = this.db.prepare(
        `UPDATE library_jobs SET batch_id = ?, state = 'queued', code = NULL, reason = NULL,
           attempts = 0, updated_at = ?,
           path = CASE WHEN kind = 'url' THEN NULL ELSE path END
         WHERE id = ?`
      )
      for (const row of rows) {
        // An older, settled row for the same source in the target batch gives way.
        drop.run(batchId, row.source, row.id)
        moved += move.run(batchId, now, row.id).changes
      }
    })()
    return moved
  }

  dismissFailures(): number {
    return this.db
      .prepare(
        `UPDATE library_jobs SET dismissed = 1 WHERE state IN ('failed', 'skipped') AND dismissed = 0`
      )
      .run().changes
  }
}
