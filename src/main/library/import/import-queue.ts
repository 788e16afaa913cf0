import type { ImportProgress } from '@shared/contract/library'
import type { ImagePool, PoolOutcome } from '../pool/image-pool'
import type { Batch } from '../store/batch-repository'
import type { JobRow } from '../store/job-repository'
import type { LibraryRepositories } from '../store/library-repositories'
import { BatchTally } from './batch-tally'
import { FolderWalks } from './folder-walks'
import type { ImportQueueDeps } from './import-queue-deps'
import { importProgress, previewsLeft, remainingOf } from './import-progress'
import { ImportPump } from './import-pump'
import { ResultWriter, type Saved } from './result-writer'
import type { DownloadOutcome } from './url-downloader'
import { refusedOnFullDisk, WriteGuard } from './write-guard'

/**
 * The import queue: jobs live in SQLite, so quitting or crashing loses nothing and resuming
 * repeats nothing. The main process only orchestrates: it walks folders in small async
 * batches, hands files to the worker pool (ImportPump), and writes results in batched
 * transactions. A write that fails (a full disk) pauses the import with the reason; what was
 * not written is kept and written on Resume (WriteGuard).
 */
export class ImportQueue {
  private readonly repos: LibraryRepositories
  private readonly pump: ImportPump
  private readonly guard: WriteGuard
  private readonly results: ResultWriter
  private batch: Batch | null = null
  private readonly tally = new BatchTally()
  private readonly walks: FolderWalks
  private progressTimer: ReturnType<typeof setTimeout> | null = null
  private abort = new AbortController()
  private closing = false
  private filling = false

  constructor(private readonly deps: ImportQueueDeps) {
    this.repos = deps.repos
    this.guard = new WriteGuard(deps.log, (reason) => {
      deps.log.warn('import paused by itself', { reason })
      this.publish()
    })
    this.pump = new ImportPump({
      jobs: deps.repos.jobs,
      log: deps.log,
      now: deps.now,
      createPool: deps.createPool,
      downloader: deps.downloader,
      maxDownloads: deps.maxDownloads ?? 8,
      idlePoolMs: deps.idlePoolMs ?? 15_000,
      onSlotFree: () => this.fill(),
      onResult: (job, result) => this.onResult(job, result),
      onPreview: (claim, result) => {
        // The pool closed under it (quit): the preview is made again next start.
        if (this.closing || result === null) return
        this.results.addPreview({ claim, result })
        this.fill()
      },
      onDownloaded: (batch, job, outcome) => this.onDownloaded(batch, job, outcome),
      onError: (what, error) => this.guard.fail(what, error)
    })
    this.walks = new FolderWalks({
      repos: deps.repos,
      guard: this.guard,
      log: deps.log,
      now: deps.now,
      current: (batch) => !this.closing && this.batch === batch,
      onAdded: (states) => {
        this.tally.found(states)
        this.fill()
        this.publish()
      },
      onWalked: (batch) => {
        this.guard.ensure('finishing the walk', () => this.repos.batches.markWalked(batch))
        this.finishIfDone()
        this.publish()
      }
    })
    this.results = new ResultWriter({
      db: deps.db,
      repos: deps.repos,
      guard: this.guard,
      now: deps.now,
      flushMs: deps.flushMs ?? 50,
      onSaved: (saved) => this.onSaved(saved)
    })
  }

  /** Resumes what the last run left: interrupted jobs back in the queue, unfinished walks. */
  start(): void {
    const { jobs } = this.repos
    const now = this.deps.now()
    // On a full disk this waits for Resume; the batch counts again once it is written.
    this.guard.ensure('recovering interrupted files', () => {
      jobs.recoverInterrupted(now)
      if (this.batch) this.tally.counts = jobs.counts(this.batch.id)
    })
    this.batch = this.repos.batches.active()
    if (!this.batch) return
    this.tally.counts = jobs.counts(this.batch.id)
    this.deps.log.info('resuming import', {
      batch: this.batch.id,
      left: remainingOf(this.tally.counts)
    })
    if (!this.batch.walked) this.walks.start(this.batch, this.batch.roots, this.abort.signal)
    this.fill()
    this.finishIfDone()
    this.publish()
  }

  /** Adds files, folders and URLs to the running batch (or starts one). */
  add(paths: readonly string[], urls: readonly string[]): ImportProgress {
    if (this.closing) throw new Error('the import queue is closed')
    const batch = refusedOnFullDisk(() => this.ensureBatch())
    if (urls.length) {
      const added = refusedOnFullDisk(() =>
        this.repos.jobs.addUrls(batch.id, urls, this.deps.now())
      )
      this.tally.queuedUrls(added)
    }
    if (paths.length) {
      refusedOnFullDisk(() => this.repos.batches.addRoots(batch, paths))
      this.walks.start(batch, paths, this.abort.signal)
    }
    this.fill()
    this.publish()
    return this.progress()
  }

  pause(): ImportProgress {
    const batch = this.batch
    if (batch?.state === 'running')
      this.guard.run('pausing', () => this.repos.batches.setState(batch, 'paused'))
    this.publish()
    return this.progress()
  }

  /** Resumes a paused import; after a full disk, first writes what could not be written. */
  resume(): ImportProgress {
    const batch = this.batch
    if (this.guard.reason !== null || this.guard.holding) {
      if (this.guard.retry()) this.results.flush()
    }
    if (batch?.state === 'paused' && this.guard.reason === null)
      this.guard.run('resuming', () => this.repos.batches.setState(batch, 'running'))
    this.fill()
    this.finishIfDone()
    this.publish()
    return this.progress()
  }

  /** Stops walking and downloading; queued files are skipped; files being read finish. */
  cancel(): ImportProgress {
    const batch = this.batch
    if (!batch) return this.progress()
    this.abort.abort()
    this.abort = new AbortController()
    const { jobs, batches } = this.repos
    const now = this.deps.now()
    const cancelled = this.guard.run('cancelling', () =>
      this.deps.db.transaction(() => {
        jobs.cancelQueued(batch.id, now)
        batches.markWalked(batch)
        batches.setState(batch, 'cancelled', now)
      })()
    )
    if (cancelled) {
      this.tally.begin(jobs.counts(batch.id))
      this.batch = null
      // The cancel was written, so results held back by a full disk may fit now too.
      if (this.guard.reason !== null && this.guard.retry()) this.results.flush()
      this.pump.scheduleIdle(() => this.batch !== null)
    }
    this.publish()
    return this.progress()
  }

  /** Puts failed files back in the queue: a deliberate act by the user, never automatic. */
  retry(jobIds: readonly number[] | null): ImportProgress {
    const batch = refusedOnFullDisk(() => this.ensureBatch())
    const moved = refusedOnFullDisk(() => this.repos.jobs.retry(batch.id, jobIds, this.deps.now()))
    this.tally.counts = this.repos.jobs.counts(batch.id)
    if (moved === 0 && remainingOf(this.tally.counts) === 0 && this.walks.running === 0)
      this.finishIfDone()
    this.fill()
    this.publish()
    return this.progress()
  }

  /**
   * The user opened the photo at `path`: if its preview is still waiting in the running batch,
   * it is made next, ahead of phase 1. Returns whether one was waiting.
   */
  wantPreview(path: string): boolean {
    const batch = this.batch
    if (!batch || this.closing) return false
    const jobId = this.repos.jobs.previews.queued(batch.id, path)
    if (jobId === null) return false
    this.pump.bump(jobId)
    this.fill()
    return true
  }

  progress(): ImportProgress {
    return importProgress({
      batch: this.batch,
      counts: this.tally.counts,
      walks: this.walks.running,
      pauseReason: this.guard.reason,
      rate: this.tally.rate,
      previewRate: this.tally.previewRate,
      workers: this.pump.workers,
      now: this.deps.now()
    })
  }

  /** Workers' pids and load, for benchmarks and diagnostics. */
  poolStats(): ReturnType<ImagePool['stats']> {
    return this.pump.stats()
  }

  poolQueued(): number {
    return this.pump.poolQueued
  }

  /** Waits until nothing is queued or in flight (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.batch && !this.closing) await new Promise((r) => setTimeout(r, 20))
  }

  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    this.abort.abort()
    if (this.progressTimer) clearTimeout(this.progressTimer)
    // One last try, even after a full disk: the user may have freed space meanwhile.
    if (this.guard.retry()) this.results.flush()
    this.results.stop()
    if (this.results.pending > 0)
      this.deps.log.warn('results not saved at quit; those files are read again next start', {
        files: this.results.pending
      })
    await this.pump.close()
  }

  private ensureBatch(): Batch {
    if (this.batch) return this.batch
    this.batch = this.repos.batches.create(this.deps.now())
    this.tally.begin(this.repos.jobs.counts(this.batch.id))
    return this.batch
  }

  /** Sends queued work to free slots, unless paused (by the user or by a failed write). */
  private fill(): void {
    const batch = this.batch
    if (this.filling || this.closing || !batch || batch.state !== 'running') return
    if (this.guard.reason !== null) return
    this.filling = true
    try {
      this.guard.run('claiming files', () =>
        this.pump.fill(batch, this.tally.counts!, this.abort.signal)
      )
    } finally {
      this.filling = false
    }
  }

  private onDownloaded(batch: Batch, job: JobRow, outcome: DownloadOutcome): void {
    if (this.closing || this.batch !== batch) return
    this.tally.downloadEnded()
    if (!outcome.ok && outcome.failure.code === 'cancelled') return
    const { jobs } = this.repos
    const now = this.deps.now()
    // Held on a full disk, so a finished download is never lost; written first on Resume.
    this.guard.ensure('saving a download', () => {
      if (outcome.ok) {
        jobs.downloaded(job.id, outcome.path, now)
        this.tally.downloadSaved('queued')
      } else {
        jobs.finish(job.id, 'failed', outcome.failure.code, outcome.failure.reason, now)
        this.tally.downloadSaved('failed')
      }
    })
    this.finishIfDone()
    this.fill()
    this.publish()
  }

  private onResult(job: JobRow, result: PoolOutcome | null): void {
    // The pool closed under it (quit): the job stays 'processing' and is read again next start.
    if (this.closing || result === null) return
    this.results.add({ job, result })
    this.fill()
  }

  private onSaved(saved: Saved): void {
    // Counts belong to the batch the jobs came from; after a cancel they are recounted.
    this.tally.saved(saved, this.batch?.id ?? null)
    // The last thumbnails written may be what lets the previews (phase 2) start.
    this.fill()
    if (saved.tally.done) this.deps.onAdded(saved.tally.done)
    this.finishIfDone()
    this.publish()
  }

  private finishIfDone(): void {
    const batch = this.batch
    if (!batch || this.walks.running > 0 || !batch.walked || this.guard.reason !== null) return
    const { pump } = this
    if (remainingOf(this.tally.counts) > 0 || pump.inflight > 0 || this.results.pending > 0) return
    if (pump.downloads > 0 || this.guard.holding) return
    // The batch runs until its previews (phase 2) are made too.
    if (previewsLeft(this.tally.counts) > 0) return
    // Counts are kept incrementally; confirm against the database before declaring it done.
    const fresh = this.repos.jobs.counts(batch.id)
    this.tally.counts = fresh
    if (fresh.queued + fresh.processing + fresh.downloading + previewsLeft(fresh) > 0) return
    const now = this.deps.now()
    if (!this.guard.run('finishing', () => this.repos.batches.setState(batch, 'done', now))) return
    this.batch = null
    this.deps.onFinished?.(fresh, now - batch.createdAt)
    this.pump.scheduleIdle(() => this.batch !== null)
  }

  /** Progress goes out at most every 200 ms however fast results come in. */
  private publish(): void {
    if (this.progressTimer || this.closing) return
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null
      if (!this.closing) this.deps.onProgress(this.progress())
    }, 200)
  }
}
