import { batchSummarySchema, type BatchReport, type BatchSummary } from '@shared/contract/library'
import type { Db } from '../../platform/store/database'
import type { BatchRow } from './batch-repository'
import { BatchSummaries } from './batch-summary'
import type { JobRow } from './job-repository'

const ended = (state: string): boolean => state === 'done' || state === 'cancelled'

/** What the failure list shows: files not imported, but not ones already there or cancelled. */
const NOT_IMPORTED = `j.state IN ('failed', 'skipped')
  AND coalesce(j.code, '') NOT IN ('cancelled', 'already-imported')`

/**
 * Batches' reports: their summaries, which of them the window still has to be told about, their
 * failures, and dismissing them. Summaries are written when a batch ends (BatchRepository); a
 * batch cancelled with files in flight is settled here once those files are written.
 */
export class BatchReports {
  private readonly summaries: BatchSummaries
  private readonly listStmt
  private readonly byId
  private readonly unannounced
  private readonly storeSummary
  private readonly dismissStmt
  private readonly dismissJobs

  constructor(private readonly db: Db) {
    this.summaries = new BatchSummaries(db)
    this.listStmt = db.prepare<[number, number], BatchRow>(
      'SELECT * FROM library_batches WHERE (? OR dismissed = 0) ORDER BY id DESC LIMIT ?'
    )
    this.byId = db.prepare<[number], BatchRow>('SELECT * FROM library_batches WHERE id = ?')
    this.unannounced = db.prepare<[], BatchRow>(
      `SELECT * FROM library_batches WHERE announced = 0 AND state IN ('done', 'cancelled')
       ORDER BY id`
    )
    this.storeSummary = db.prepare<[string, number, number]>(
      'UPDATE library_batches SET summary = ?, announced = ? WHERE id = ?'
    )
    this.dismissStmt = db.prepare<[number]>(
      `UPDATE library_batches SET dismissed = 1
       WHERE id = ? AND state IN ('done', 'cancelled')`
    )
    this.dismissJobs = db.prepare<[number]>(
      `UPDATE library_jobs SET dismissed = 1
       WHERE batch_id = ? AND state IN ('failed', 'skipped') AND dismissed = 0`
    )
  }

  /** Recent batches, newest first; a running batch with its live counts. */
  list(limit: number, includeDismissed: boolean): BatchReport[] {
    return this.listStmt.all(includeDismissed ? 1 : 0, limit).map((r) => this.report(r))
  }

  get(batchId: number): BatchReport | null {
    const row = this.byId.get(batchId)
    return row ? this.report(row) : null
  }

  /**
   * Hides an ended batch's report and its failures. A running batch cannot be dismissed: its
   * report is not written yet. Returns whether the batch was dismissed.
   */
  dismiss(batchId: number): boolean {
    let done = false
    this.db.transaction(() => {
      done = this.dismissStmt.run(batchId).changes > 0
      if (done) this.dismissJobs.run(batchId)
    })()
    return done
  }

  /** Dismisses every ended batch's report ("Dismiss all"). */
  dismissEnded(): number {
    return this.db
      .prepare(
        `UPDATE library_batches SET dismissed = 1
         WHERE dismissed = 0 AND state IN ('done', 'cancelled')`
      )
      .run().changes
  }

  /**
   * Batches whose summary became final since the window was last told: a batch that finished,
   * or a cancelled one whose files in flight are now written. Each is returned once.
   */
  settle(): BatchReport[] {
    const final: BatchReport[] = []
    this.db.transaction(() => {
      for (const row of this.unannounced.all()) {
        let summary = parsed(row.summary)
        if (!summary || summary.pending > 0) summary = this.summaries.of(row.id)
        const settled = summary.pending === 0
        this.storeSummary.run(JSON.stringify(summary), settled ? 1 : 0, row.id)
        if (settled) final.push(this.report({ ...row, summary: JSON.stringify(summary) }))
      }
    })()
    return final
  }

  /**
   * Files not imported, newest first: one batch's report, or else each file's latest outcome
   * once (a file that failed in three batches is one problem, not three), dismissed ones aside.
   */
  failures(batchId: number | null, offset: number, limit: number) {
    const where =
      batchId === null
        ? `${NOT_IMPORTED} AND j.dismissed = 0 AND NOT EXISTS (
             SELECT 1 FROM library_jobs n WHERE n.source = j.source AND n.id > j.id)`
        : `${NOT_IMPORTED} AND j.batch_id = ?`
    const args = batchId === null ? [] : [batchId]
    const { n: total } = this.db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM library_jobs j WHERE ${where}`)
      .get(...args)!
    const items = this.db
      .prepare<unknown[], JobRow>(
        `SELECT j.* FROM library_jobs j WHERE ${where} ORDER BY j.id DESC LIMIT ? OFFSET ?`
      )
      .all(...args, limit, offset)
    return { total, items }
  }

  /** Real failures to retry: one batch's, or every one not dismissed. Never skipped files. */
  failedIds(batchId: number | null): number[] {
    const rows =
      batchId === null
        ? this.db
            .prepare<[], { id: number }>(
              `SELECT id FROM library_jobs WHERE state = 'failed' AND dismissed = 0`
            )
            .all()
        : this.db
            .prepare<[number], { id: number }>(
              `SELECT id FROM library_jobs WHERE batch_id = ? AND state = 'failed'`
            )
            .all(batchId)
    return rows.map((r) => r.id)
  }

  private report(row: BatchRow): BatchReport {
    const done = ended(row.state)
    const summary = (done ? parsed(row.summary) : null) ?? this.summaries.of(row.id)
    return {
      batchId: row.id,
      state: row.state,
      startedAt: row.created_at,
      finishedAt: row.finished_at,
      final: done && summary.pending === 0,
      dismissed: row.dismissed === 1,
      summary
    }
  }
}

/** A stored summary, or null when there is none (or it is not one: it is counted again). */
function parsed(json: string | null): BatchSummary | null {
  if (json === null) return null
  try {
    const result = batchSummarySchema.safeParse(JSON.parse(json))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
