import { failure } from '@shared/library/reasons'
import type { Logger } from '../../platform/log'
import {
  PoolClosedError,
  type ImagePool,
  type PoolOutcome,
  type PreviewOutcome
} from '../pool/image-pool'
import type { Batch } from '../store/batch-repository'
import type { BatchCounts, JobRepository, JobRow, PreviewJob } from '../store/job-repository'
import type { DownloadOutcome, UrlDownloader } from './url-downloader'

export interface PumpDeps {
  readonly jobs: JobRepository
  readonly log: Logger
  readonly now: () => number
  /** Starts the worker pool when there is work; it calls back when a slot frees. */
  readonly createPool: (onSlotFree: () => void) => ImagePool
  readonly downloader: UrlDownloader
  readonly maxDownloads: number
  /** An idle pool is stopped after this long, giving its memory back. */
  readonly idlePoolMs: number
  /** A slot is free: send more work. */
  readonly onSlotFree: () => void
  /** A file's outcome; null when the pool closed under it (the job is resumed next start). */
  readonly onResult: (job: JobRow, result: PoolOutcome | null) => void
  /** A preview's outcome (phase 2); null when the pool closed under it. */
  readonly onPreview: (claim: PreviewJob, result: PreviewOutcome | null) => void
  readonly onDownloaded: (batch: Batch, job: JobRow, outcome: DownloadOutcome) => void
  /** A result could not be handled at all: the import pauses rather than the process dying. */
  readonly onError: (what: string, error: unknown) => void
}

/**
 * Hands queued files to the worker pool no faster than it takes them, and queued URLs to
 * downloads, up to a limit. Owns the pool: started with the first file, stopped when idle.
 * Thumbnails first: a batch's previews (phase 2) are handed out only once none of its files
 * waits for phase 1, except the previews the user asked for (bumped), which go first.
 */
export class ImportPump {
  /** Files and previews sent to the pool and not yet answered. */
  inflight = 0
  /** Jobs whose preview the user is waiting for (opened in the lightbox). */
  private readonly bumped = new Set<number>()
  /** Downloads running. */
  downloads = 0
  private pool: ImagePool | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly deps: PumpDeps) {}

  get workers(): number {
    return this.pool?.size ?? 0
  }

  stats(): ReturnType<ImagePool['stats']> {
    return this.pool?.stats() ?? []
  }

  get poolQueued(): number {
    return this.pool?.queued ?? 0
  }

  /**
   * Claims queued files for free pool slots and queued URLs for free download slots, keeping
   * `counts` in step. A claim that cannot be written throws, with nothing claimed.
   */
  fill(batch: Batch, counts: BatchCounts, signal: AbortSignal): void {
    const { jobs, now } = this.deps
    if (this.bumped.size > 0 && counts.previews.queued > 0) {
      const ids = [...this.bumped]
      this.bumped.clear()
      // A bumped preview takes the next free slot, ahead of any file still in phase 1.
      this.sendPreviews(counts, jobs.previews.claim(batch.id, ids.length, now(), ids))
    }
    if (counts.queued > 0) {
      const pool = this.ensurePool()
      for (const job of jobs.claimFiles(batch.id, pool.freeSlots(), now())) {
        counts.queued--
        counts.processing++
        this.inflight++
        pool
          .process(job.path!)
          .then(
            (result) => this.settle(job, result),
            (error: unknown) => this.settle(job, poolFailure(job, error, this.deps.log))
          )
          .catch((error: unknown) => this.deps.onError('saving a file’s result', error))
      }
    }
    const phaseOneDone = counts.queued + counts.processing + counts.downloading === 0
    if (phaseOneDone && counts.previews.queued > 0) {
      const pool = this.ensurePool()
      this.sendPreviews(counts, jobs.previews.claim(batch.id, pool.freeSlots(), now()))
    }
    const free = this.deps.maxDownloads - this.downloads
    if (counts.queued > 0 && free > 0) {
      for (const job of jobs.claimUrls(batch.id, free, now())) {
        counts.queued--
        counts.downloading++
        this.downloads++
        this.deps.downloader
          .download(job.source, `${batch.id}-${job.id}`, signal)
          .then(
            (outcome) => outcome,
            (error: unknown): DownloadOutcome => {
              this.deps.log.error('a download failed unexpectedly', { error })
              return {
                ok: false,
                failure: failure('download', 'The download failed unexpectedly.')
              }
            }
          )
          .then((outcome) => {
            this.downloads--
            this.deps.onDownloaded(batch, job, outcome)
          })
          .catch((error: unknown) => this.deps.onError('saving a download', error))
      }
    }
  }

  /** The user opened this job's photo: its preview goes next (see fill). */
  bump(jobId: number): void {
    this.bumped.add(jobId)
  }

  private sendPreviews(counts: BatchCounts, claims: readonly PreviewJob[]): void {
    const pool = this.ensurePool()
    for (const claim of claims) {
      counts.previews.queued--
      counts.previews.processing++
      this.inflight++
      pool
        .preview(claim.job.path!, claim.hash)
        .then(
          (result) => this.settlePreview(claim, result),
          (error: unknown) =>
            this.settlePreview(claim, poolFailure(claim.job, error, this.deps.log))
        )
        .catch((error: unknown) => this.deps.onError('saving a preview', error))
    }
  }

  private settlePreview(claim: PreviewJob, result: PreviewOutcome | null): void {
    this.inflight--
    this.deps.onPreview(claim, result)
  }

  /** Stops an idle pool after a while; `busy` says whether work came back meanwhile. */
  scheduleIdle(busy: () => boolean): void {
    if (this.idleTimer || !this.pool) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (busy() || this.inflight > 0) {
        this.scheduleIdle(busy)
        return
      }
      const pool = this.pool
      this.pool = null
      pool
        ?.close()
        .catch((error: unknown) =>
          this.deps.log.warn('an idle image pool did not close', { error })
        )
    }, this.deps.idlePoolMs)
  }

  /** Files still in flight stay 'processing' in the database and are resumed next start. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const pool = this.pool
    this.pool = null
    await pool?.close()
  }

  private ensurePool(): ImagePool {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    this.pool ??= this.deps.createPool(() => this.deps.onSlotFree())
    return this.pool
  }

  private settle(job: JobRow, result: PoolOutcome | null): void {
    this.inflight--
    this.deps.onResult(job, result)
  }
}

/** The pool only rejects when it closes; anything else is a bug, failed with its file. */
function poolFailure(
  job: { id: number },
  error: unknown,
  log: Logger
): Extract<PoolOutcome, { ok: false }> | null {
  if (error instanceof PoolClosedError) return null
  log.error('image pool failed a job', { job: job.id, error })
  return { ok: false, failure: failure('crashed', 'The image worker failed unexpectedly.') }
}
