import type { BatchSummary } from '@shared/contract/library'
import { failureCodes, type FailureCode } from '@shared/library/reasons'
import type { Db } from '../../platform/store/database'

interface Group {
  state: string
  code: string | null
  reason: string | null
  n: number
}

const emptySummary = (): BatchSummary => ({
  found: 0,
  added: 0,
  copies: 0,
  alreadyThere: 0,
  unsupported: 0,
  leftOut: 0,
  failed: 0,
  failedByReason: [],
  notProcessed: 0,
  pending: 0
})

const asCode = (code: string | null): FailureCode =>
  (failureCodes as readonly string[]).includes(code ?? '') ? (code as FailureCode) : 'corrupt'

/**
 * Sorts each job into exactly one part of the summary, so the parts always add up to `found`.
 * "Not supported" goes by the reason's code whatever the state, since older rows stored some
 * as failures.
 */
export function summaryOf(groups: readonly Group[]): BatchSummary {
  const s = emptySummary()
  const byReason = new Map<string, BatchSummary['failedByReason'][number]>()
  for (const { state, code, reason, n } of groups) {
    s.found += n
    if (state === 'done') {
      s.added += n
      if (code === 'duplicate') s.copies += n
    } else if (state === 'queued' || state === 'processing' || state === 'downloading')
      s.pending += n
    else if (code === 'unsupported') s.unsupported += n
    else if (code === 'already-imported') s.alreadyThere += n
    else if (code === 'cancelled') s.notProcessed += n
    else if (state === 'skipped') s.leftOut += n
    else {
      s.failed += n
      const text = reason ?? 'Unknown reason.'
      const key = `${code}\n${text}`
      const entry = byReason.get(key)
      if (entry) entry.count += n
      else byReason.set(key, { code: asCode(code), reason: text, count: n })
    }
  }
  s.failedByReason = [...byReason.values()].sort((a, b) => b.count - a.count)
  return s
}

/** Counts one batch's jobs; reads only that batch's rows (index on batch_id). */
export class BatchSummaries {
  private readonly groups

  constructor(db: Db) {
    this.groups = db.prepare<[number], Group>(
      `SELECT state, code, reason, count(*) AS n FROM library_jobs
       WHERE batch_id = ? GROUP BY state, code, reason`
    )
  }

  of(batchId: number): BatchSummary {
    return summaryOf(this.groups.all(batchId))
  }
}
