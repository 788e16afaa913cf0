import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { ImportProgress } from '@shared/contract/library'
import { RateMeter } from '@shared/library/rate'
import { failure } from '@shared/library/reasons'
import type { Logger } from '../../platform/log'
import type { Db } from '../../platform/store/database'
import type { AssetRepository } from '../store/asset-repository'
import type { Batch, BatchRepository } from '../store/batch-repository'
import { discover } from './discovery'
import { PoolClosedError, type ImagePool, type PoolOutcome } from '../pool/image-pool'
import type { BatchCounts, JobRepository, JobRow } from '../store/job-repository'
import type { LibraryRepositories } from '../store/library-repositories'
import type { PhotoRepository } from '../store/photo-repository'
import { jobsFor, saveOutcomes, type Outcome } from './import-results'
import type { DownloadOutcome, UrlDownloader } from './url-downloader'

export interface ImportQueueDeps {
  readonly db: Db
  /** The library's repositories, shared with the service's queries. */
  readonly repos: LibraryRepositories
  readonly log: Logger
  readonly now: () => number
  /** Starts the worker pool when there is work; it calls back when a slot frees. */
  readonly createPool: (onSlotFree: () => void) => ImagePool
  readonly downloader: UrlDownloader
  /** Called (coalesced) whenever counts change. */
  readonly onProgress: (progress: ImportProgress) => void
  /** Called (coalesced) when photos were added to the library. */
  readonly onAdded: (added: number) => void
  /** A batch ran to its end (not cancelled). */
  readonly onFinished?: (counts: BatchCounts, elapsedMs: number) => void
  readonly maxDownloads?: number
  /** Results are written together: at most this long after the first one waits. */
  readonly flushMs?: number
  /** An idle pool is stopped after this long, giving its memory back. */
  readonly idlePoolMs?: number
}

const FLUSH_AT = 64
const DISCOVERY_BATCH = 256

/**
 * The import queue: jobs live in SQLite, so quitting or crashing loses nothing and resuming
 * repeats nothing. The main process only orchestrates: it walks folders in small async
 * batches, hands files to the worker pool no faster than it takes them, downloads URLs with
 * async I/O, and writes results in batched transactions.
 */
export class ImportQueue {
  private readonly jobs: JobRepository
  private readonly batches: BatchRepository
  private readonly photos: PhotoRepository
  private readonly assets: AssetRepository
  private batch: Batch | null = null
  private counts: BatchCounts | null = null
  private pool: ImagePool | null = null
  private inflight = 0
  private downloads = 0
  private walks = 0
  private readonly buffer: Outcome[] = []
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private progressTimer: ReturnType<typeof setTimeout> | null = null
  private abort = new AbortController()
  private readonly rate = new RateMeter()
  private closing = false
  private pumping = false

  constructor(private readonly deps: ImportQueueDeps) {
    this.jobs = deps.repos.jobs
    this.batches = deps.repos.batches
    this.photos = deps.repos.photos
    this.assets = deps.repos.assets
  }

  /** Resumes what the last run left: interrupted jobs back in the queue, unfinished walks. */
  start(): void {
    this.jobs.recoverInterrupted(this.deps.now())
    this.batch = this.batches.active()
    if (!this.batch) return
    this.counts = this.jobs.counts(this.batch.id)
    this.deps.log.info('resuming import', { batch: this.batch.id, left: this.remaining() })
    if (!this.batch.walked) void this.walk(this.batch, this.batch.roots)
    this.pump()
    this.finishIfDone()
    this.publish()
  }

  /** Adds files, folders and URLs to the running batch (or starts one). */
  add(paths: readonly string[], urls: readonly string[]): ImportProgress {
    if (this.closing) throw new Error('the import queue is closed')
    const batch = this.ensureBatch()
    if (urls.length) {
      const added = this.jobs.addUrls(batch.id, urls, this.deps.now())
      this.counts!.total += added
      this.counts!.queued += added
    }
    if (paths.length) {
      this.batches.addRoots(batch, paths)
      void this.walk(batch, paths)
    }
    this.pump()
    this.publish()
    return this.progress()
  }

  pause(): ImportProgress {
    if (this.batch?.state === 'running') this.batches.setState(this.batch, 'paused')
    this.publish()
    return this.progress()
  }

  resume(): ImportProgress {
    if (this.batch?.state === 'paused') {
      this.batches.setState(this.batch, 'running')
      this.pump()
    }
    this.publish()
    return this.progress()
  }

  /** Stops walking and downloading; queued files are skipped; files being read finish. */
  cancel(): ImportProgress {
    const batch = this.batch
    if (!batch) return this.progress()
    this.abort.abort()
    this.abort = new AbortController()
    this.jobs.cancelQueued(batch.id, this.deps.now())
    this.batches.markWalked(batch)
    this.batches.setState(batch, 'cancelled', this.deps.now())
    this.counts = this.jobs.counts(batch.id)
    this.batch = null
    this.rate.reset()
    this.publish()
    this.scheduleIdle()
    return this.progress()
  }

  /** Puts failed files back in the queue: a deliberate act by the user, never automatic. */
  retry(jobIds: readonly number[] | null): ImportProgress {
    const batch = this.ensureBatch()
    const moved = this.jobs.retry(batch.id, jobIds, this.deps.now())
    this.counts = this.jobs.counts(batch.id)
    if (moved === 0 && this.remaining() === 0 && this.walks === 0) this.finishIfDone()
    this.pump()
    this.publish()
    return this.progress()
  }

  progress(): ImportProgress {
    const c = this.counts
    const batch = this.batch
    const now = this.deps.now()
    const active = batch !== null && c !== null
    return {
      batchId: batch?.id ?? null,
      state: !active ? 'idle' : batch.state === 'paused' ? 'paused' : 'running',
      discovering: this.walks > 0,
      discovered: active ? c.total : 0,
      done: active ? c.done : 0,
      failed: active ? c.failed : 0,
      skipped: active ? c.skipped : 0,
      duplicates: active ? c.duplicates : 0,
      downloading: active ? c.downloading : 0,
      perSecond: active ? Math.round(this.rate.perSecond(now) * 10) / 10 : 0,
      etaSeconds: active && this.walks === 0 ? this.rate.etaSeconds(this.remaining(), now) : null,
      startedAt: batch?.createdAt ?? null,
      workers: this.pool?.size ?? 0
    }
  }

  /** Workers' pids and load, for benchmarks and diagnostics. */
  poolStats(): ReturnType<ImagePool['stats']> {
    return this.pool?.stats() ?? []
  }

  poolQueued(): number {
    return this.pool?.queued ?? 0
  }

  /** Waits until nothing is queued or in flight (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.batch && !this.closing) await new Promise((r) => setTimeout(r, 20))
  }

  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    this.abort.abort()
    for (const t of [this.flushTimer, this.idleTimer, this.progressTimer]) if (t) clearTimeout(t)
    this.flush()
    // Jobs still in flight stay 'processing' in the database and are resumed next start.
    await this.pool?.close()
    this.pool = null
  }

  private ensureBatch(): Batch {
    if (this.batch) return this.batch
    this.batch = this.batches.create(this.deps.now())
    this.counts = this.jobs.counts(this.batch.id)
    this.rate.reset()
    return this.batch
  }

  private remaining(): number {
    const c = this.counts
    return c ? c.total - c.done - c.failed - c.skipped : 0
  }

  private async walk(batch: Batch, roots: readonly string[]): Promise<void> {
    this.walks++
    const signal = this.abort.signal
    try {
      for await (const found of discover(roots, { batchSize: DISCOVERY_BATCH, signal })) {
        if (signal.aborted || this.closing || this.batch !== batch) return
        const known = this.photos.knownPaths(found.filter((f) => !f.failure).map((f) => f.path))
        const added = this.jobs.addFiles(batch.id, jobsFor(found, known), this.deps.now())
        for (const state of added) {
          this.counts!.total++
          this.counts![state]++
        }
        this.pump()
        this.publish()
        // Let requests and results in between two batches of a big walk.
        await yieldToLoop()
      }
    } catch (error) {
      this.deps.log.error('folder walk failed', { error })
    } finally {
      this.walks--
    }
    if (!signal.aborted && !this.closing && this.batch === batch && this.walks === 0) {
      this.batches.markWalked(batch)
      this.finishIfDone()
      this.publish()
    }
  }

  private ensurePool(): ImagePool {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    this.pool ??= this.deps.createPool(() => this.pump())
    return this.pool
  }

  /** Sends queued files to free pool slots and queued URLs to free download slots. */
  private pump(): void {
    const batch = this.batch
    if (this.pumping || this.closing || !batch || batch.state !== 'running') return
    this.pumping = true
    try {
      const counts = this.counts!
      if (counts.queued > 0) {
        const pool = this.ensurePool()
        const claimed = this.jobs.claimFiles(batch.id, pool.freeSlots(), this.deps.now())
        for (const job of claimed) {
          counts.queued--
          counts.processing++
          this.inflight++
          pool.process(job.path!).then(
            (result) => this.onResult(job, result),
            (error) => this.onPoolError(job, error)
          )
        }
      }
      const maxDownloads = this.deps.maxDownloads ?? 8
      if (counts.queued > 0 && this.downloads < maxDownloads) {
        const urls = this.jobs.claimUrls(batch.id, maxDownloads - this.downloads, this.deps.now())
        for (const job of urls) {
          counts.queued--
          counts.downloading++
          this.downloads++
          this.deps.downloader
            .download(job.source, `${batch.id}-${job.id}`, this.abort.signal)
            .then((outcome) => this.onDownloaded(batch, job, outcome))
        }
      }
    } finally {
      this.pumping = false
    }
  }

  private onDownloaded(batch: Batch, job: JobRow, outcome: DownloadOutcome): void {
    this.downloads--
    if (this.closing || this.batch !== batch) return
    const counts = this.counts!
    counts.downloading--
    if (outcome.ok) {
      this.jobs.downloaded(job.id, outcome.path, this.deps.now())
      counts.queued++
    } else if (outcome.failure.code === 'cancelled') {
      return
    } else {
      this.jobs.finish(
        job.id,
        'failed',
        outcome.failure.code,
        outcome.failure.reason,
        this.deps.now()
      )
      counts.failed++
      this.finishIfDone()
    }
    this.pump()
    this.publish()
  }

  private onResult(job: JobRow, result: PoolOutcome): void {
    this.inflight--
    if (this.closing) return
    this.buffer.push({ job, result })
    if (this.buffer.length >= FLUSH_AT) this.flush()
    else this.flushTimer ??= setTimeout(() => this.flush(), this.deps.flushMs ?? 50)
    this.pump()
  }

  private onPoolError(job: JobRow, error: unknown): void {
    this.inflight--
    if (error instanceof PoolClosedError || this.closing) return
    this.deps.log.error('image pool failed a job', { error })
    this.buffer.push({
      job,
      result: { ok: false, failure: failure('crashed', 'The image worker failed unexpectedly.') }
    })
    this.flush()
  }

  /** Writes buffered results in one transaction: a result is either all written or not at all. */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.buffer.length === 0) return
    const outcomes = this.buffer.splice(0)
    const now = this.deps.now()
    const repos = { assets: this.assets, photos: this.photos, jobs: this.jobs }
    const tally = saveOutcomes(this.deps.db, repos, outcomes, now)
    const added = tally.done
    // Counts belong to the batch the jobs came from; after a cancel they are recounted.
    const counts = this.counts
    if (counts && this.batch && outcomes.every((o) => o.job.batch_id === this.batch!.id)) {
      counts.processing -= outcomes.length
      counts.done += tally.done
      counts.failed += tally.failed
      counts.duplicates += tally.duplicates
    }
    this.rate.add(now, outcomes.length)
    if (added) this.deps.onAdded(added)
    this.finishIfDone()
    this.publish()
  }

  private finishIfDone(): void {
    const batch = this.batch
    if (!batch || this.walks > 0 || !batch.walked) return
    if (this.remaining() > 0 || this.inflight > 0 || this.buffer.length > 0 || this.downloads > 0)
      return
    // Counts are kept incrementally; confirm against the database before declaring it done.
    const fresh = this.jobs.counts(batch.id)
    this.counts = fresh
    if (fresh.queued + fresh.processing + fresh.downloading > 0) return
    const now = this.deps.now()
    this.batches.setState(batch, 'done', now)
    this.batch = null
    this.deps.onFinished?.(fresh, now - batch.createdAt)
    this.scheduleIdle()
  }

  private scheduleIdle(): void {
    if (this.idleTimer || !this.pool) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (this.batch || this.inflight > 0) {
        this.scheduleIdle()
        return
      }
      const pool = this.pool
      this.pool = null
      void pool?.close()
    }, this.deps.idlePoolMs ?? 15_000)
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
