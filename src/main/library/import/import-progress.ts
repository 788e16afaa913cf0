import type { ImportProgress } from '@shared/contract/library'
import type { RateMeter } from '@shared/library/rate'
import type { Batch } from '../store/batch-repository'
import type { BatchCounts } from '../store/job-repository'

export interface ProgressState {
  readonly batch: Batch | null
  readonly counts: BatchCounts | null
  /** Folder walks running: the total can still grow. */
  readonly walks: number
  /** Why the import paused by itself (a failed write), or null. */
  readonly pauseReason: string | null
  readonly rate: RateMeter
  readonly workers: number
  readonly now: number
}

export const remainingOf = (c: BatchCounts | null): number =>
  c ? c.total - c.done - c.failed - c.skipped : 0

/** What the window is told about the import: counts, speed, and why it is paused. */
export function importProgress(s: ProgressState): ImportProgress {
  const { batch, counts: c, now } = s
  const active = batch !== null && c !== null
  const reason = active ? s.pauseReason : null
  return {
    batchId: batch?.id ?? null,
    state: !active ? 'idle' : batch.state === 'paused' || reason ? 'paused' : 'running',
    ...(reason ? { pauseReason: reason } : {}),
    discovering: s.walks > 0,
    discovered: active ? c.total : 0,
    done: active ? c.done : 0,
    failed: active ? c.failed : 0,
    skipped: active ? c.skipped : 0,
    duplicates: active ? c.duplicates : 0,
    downloading: active ? c.downloading : 0,
    perSecond: active ? Math.round(s.rate.perSecond(now) * 10) / 10 : 0,
    etaSeconds: active && s.walks === 0 ? s.rate.etaSeconds(remainingOf(c), now) : null,
    startedAt: batch?.createdAt ?? null,
    workers: s.workers
  }
}
