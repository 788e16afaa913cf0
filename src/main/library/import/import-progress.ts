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
  /** Previews (phase 2) per second. */
  readonly previewRate: RateMeter
  readonly workers: number
  readonly now: number
}

/** Files still waiting for phase 1 (their thumbnail). */
export const remainingOf = (c: BatchCounts | null): number =>
  c ? c.total - c.done - c.failed - c.skipped : 0

/** Previews (phase 2) still to make. */
export const previewsLeft = (c: BatchCounts | null): number =>
  c ? c.previews.queued + c.previews.processing : 0

/** What the window is told about the import: counts, speed, and why it is paused. */
export function importProgress(s: ProgressState): ImportProgress {
  const { batch, counts: c, now } = s
  const active = batch !== null && c !== null
  const reason = active ? s.pauseReason : null
  // Phase 1 until every found file has its thumbnail, then the previews (phase 2).
  const thumbnails = !active || s.walks > 0 || remainingOf(c) > 0
  const p = active ? c.previews : null
  const rate = thumbnails ? s.rate : s.previewRate
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
    phase: thumbnails ? 'thumbnails' : 'previews',
    previewsDone: p ? p.done + p.failed : 0,
    previewsTotal: p ? p.queued + p.processing + p.done + p.failed : 0,
    previewsFailed: p ? p.failed : 0,
    perSecond: active ? Math.round(rate.perSecond(now) * 10) / 10 : 0,
    etaSeconds:
      active && s.walks === 0
        ? rate.etaSeconds(thumbnails ? remainingOf(c) : previewsLeft(c), now)
        : null,
    startedAt: batch?.createdAt ?? null,
    workers: s.workers
  }
}
