import { RateMeter } from '@shared/library/rate'
import type { BatchCounts, JobState } from '../store/job-repository'
import type { Saved } from './result-writer'

/**
 * The running batch's numbers, kept in memory between the database's recounts: how many files
 * are in each state, and how fast each phase goes. The queue recounts from the database when it
 * starts, cancels, retries and finishes; in between every change is counted here, so progress
 * never costs a query.
 */
export class BatchTally {
  counts: BatchCounts | null = null
  /** Thumbnails (phase 1) per second. */
  readonly rate = new RateMeter()
  /** Previews (phase 2) per second. */
  readonly previewRate = new RateMeter()

  /** A new batch (or none): its counts from the database, and both rates from zero. */
  begin(counts: BatchCounts | null): void {
    this.counts = counts
    this.rate.reset()
    this.previewRate.reset()
  }

  /** Files a folder walk found, each in the state it was queued in. */
  found(states: readonly JobState[]): void {
    for (const state of states) {
      this.counts!.total++
      this.counts![state]++
    }
  }

  /** URLs added to the queue, waiting for their download. */
  queuedUrls(added: number): void {
    this.counts!.total += added
    this.counts!.queued += added
  }

  /** A download ended (finished, failed or cancelled): it is no longer downloading. */
  downloadEnded(): void {
    this.counts!.downloading--
  }

  /** A finished download's outcome was written: the file waits for reading, or failed. */
  downloadSaved(state: 'queued' | 'failed'): void {
    this.counts![state]++
  }

  /**
   * Results written to the database. They count only if they belong to `batchId` (after a
   * cancel the counts were taken afresh); the rates count them either way.
   */
  saved({ outcomes, tally, previews, previewTally, now }: Saved, batchId: number | null): void {
    const counts = this.counts
    if (
      counts &&
      outcomes.every((o) => o.job.batch_id === batchId) &&
      previews.every((p) => p.claim.job.batch_id === batchId)
    ) {
      counts.processing -= outcomes.length
      counts.done += tally.done
      counts.failed += tally.failed
      counts.skipped += tally.skipped
      counts.duplicates += tally.duplicates
      counts.previews.queued += tally.previews
      counts.previews.processing -= previews.length
      counts.previews.done += previewTally.done
      counts.previews.failed += previewTally.failed
    }
    if (outcomes.length) this.rate.add(now, outcomes.length)
    if (previews.length) this.previewRate.add(now, previews.length)
  }
}
