import { failure, type Failure } from '@shared/library/reasons'
import { imageReplySchema, type ImageRequest } from '@shared/worker/image-protocol'
import type { Logger } from '../../platform/log'
import type { ProcessLauncher, WorkerEvent } from '../../platform/process/launcher'
import { crashedTwice, retryAlone, timedOutTwice } from './pool-strikes'
import {
  newWorker,
  pickWorker,
  shutDown,
  type PoolOutcome,
  type PreviewOutcome,
  type Task,
  type TaskOutcome,
  type Worker
} from './pool-workers'

export type { PoolOutcome, PreviewOutcome } from './pool-workers'

export class PoolClosedError extends Error {
  constructor() {
    super('the image pool was closed')
    this.name = 'PoolClosedError'
  }
}

export interface ImagePoolOptions {
  readonly launcher: ProcessLauncher
  readonly entry: string
  readonly outDir: string
  readonly size: number
  /** Jobs sent to one worker before it answers: one decoding, one being read. */
  readonly maxInFlight?: number
  /** A file that takes longer is treated as a hung worker. */
  readonly taskTimeoutMs?: number
  readonly startTimeoutMs?: number
  /** Arguments for each worker process ("test both" adds its JS stage). */
  readonly args?: readonly string[]
  readonly log: Logger
  /** Called whenever a slot frees up, so the caller can send more work. */
  readonly onSlotFree?: () => void
}

const MAX_START_FAILURES = 3

/**
 * A fixed number of image worker processes. Work goes to the least-loaded ready worker, at
 * most `maxInFlight` per worker; the rest waits here. A worker that crashes or exceeds the
 * per-file timeout is killed and replaced; its file is retried once, alone, then failed.
 */
export class ImagePool {
  private readonly workers: Worker[] = []
  private readonly pending: Task[] = []
  private seq = 0
  private nextWorkerId = 1
  private startFailures = 0
  private broken: Failure | null = null
  private closed = false
  private notifyQueued = false
  private readonly maxInFlight: number
  private readonly taskTimeoutMs: number
  private readonly startTimeoutMs: number

  constructor(private readonly options: ImagePoolOptions) {
    this.maxInFlight = options.maxInFlight ?? 2
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000
    for (let i = 0; i < Math.max(1, options.size); i++) this.spawn()
  }

  get size(): number {
    return Math.max(1, this.options.size)
  }

  /** How many more files the pool takes before they would only wait in its own queue. */
  freeSlots(): number {
    const busy = this.pending.length + this.workers.reduce((n, w) => n + w.inflight.size, 0)
    return Math.max(0, this.size * this.maxInFlight - busy)
  }

  /** Per worker: pid and files in flight (for tests, benchmarks and the activity view). */
  stats(): { pid: number | undefined; inflight: number; ready: boolean }[] {
    return this.workers.map((w) => ({
      pid: w.handle?.pid(),
      inflight: w.inflight.size,
      ready: w.ready
    }))
  }

  get queued(): number {
    return this.pending.length
  }

  /** Resolves with the file's facts or a reason; rejects only when the pool is closed. */
  process(path: string): Promise<PoolOutcome> {
    return this.submit(path, null) as Promise<PoolOutcome>
  }

  /** Phase 2: the file's preview, made only from the content `hash` (see renderPreview). */
  preview(path: string, hash: string): Promise<PreviewOutcome> {
    return this.submit(path, hash) as Promise<PreviewOutcome>
  }

  private submit(path: string, previewOf: string | null): Promise<TaskOutcome> {
    if (this.closed) return Promise.reject(new PoolClosedError())
    if (this.broken) return Promise.resolve({ ok: false, failure: this.broken })
    return new Promise<TaskOutcome>((resolve, reject) => {
      this.pending.push({
        seq: this.seq++,
        path,
        previewOf,
        attempts: 0,
        solo: false,
        timer: null,
        resolve,
        reject
      })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const task of this.pending.splice(0)) task.reject(new PoolClosedError())
    const exits = this.workers.map((w) => {
      for (const task of w.inflight.values()) this.settle(task, null, new PoolClosedError())
      w.inflight.clear()
      if (w.startTimer) clearTimeout(w.startTimer)
      return shutDown(w)
    })
    await Promise.all(exits)
  }

  private spawn(): void {
    const worker = newWorker(this.nextWorkerId++)
    this.workers.push(worker)
    worker.startTimer = setTimeout(() => {
      this.options.log.warn('image worker did not start in time', { worker: worker.id })
      worker.handle?.kill()
    }, this.startTimeoutMs)
    worker.handle = this.options.launcher.launch(
      this.options.entry,
      { name: `image-worker-${worker.id}`, lowPriority: true, args: this.options.args ?? [] },
      (event) => this.onWorkerEvent(worker, event)
    )
  }

  private onWorkerEvent(worker: Worker, event: WorkerEvent): void {
    if (event.type === 'spawned') return
    if (event.type === 'message') {
      this.onMessage(worker, event.data)
      return
    }
    // exited, crashed or spawn-failed: the worker is gone.
    const wasStarted = worker.started
    worker.dead = true
    worker.ready = false
    if (worker.startTimer) clearTimeout(worker.startTimer)
    worker.markExited()
    const index = this.workers.indexOf(worker)
    if (index >= 0) this.workers.splice(index, 1)
    if (this.closed) return
    this.options.log.warn('image worker ended', {
      worker: worker.id,
      event: event.type,
      ...(event.type === 'crashed' ? { code: event.code, signal: event.signal } : {}),
      inflight: worker.inflight.size
    })
    const lost = [...worker.inflight.values()]
    worker.inflight.clear()
    for (const task of lost.reverse()) {
      this.clearTimer(task)
      if (retryAlone(task)) this.pending.unshift(task)
      else this.settle(task, { ok: false, failure: crashedTwice() })
    }
    if (!wasStarted) this.startFailures++
    if (this.startFailures >= MAX_START_FAILURES) {
      this.breakPool()
      return
    }
    this.spawn()
    this.dispatch()
  }

  private onMessage(worker: Worker, data: unknown): void {
    const parsed = imageReplySchema.safeParse(data)
    if (!parsed.success) {
      this.options.log.error('image worker sent a message outside the protocol', {
        worker: worker.id
      })
      return
    }
    const msg = parsed.data
    if (msg.type === 'ready') {
      worker.ready = true
      worker.started = true
      this.startFailures = 0
      if (worker.startTimer) clearTimeout(worker.startTimer)
      this.dispatch()
      return
    }
    if (msg.type === 'rejected') {
      this.options.log.error('image worker rejected a message', { reason: msg.reason })
      return
    }
    const task = worker.inflight.get(msg.seq)
    if (!task) return // a late answer for a task already timed out and moved
    worker.inflight.delete(msg.seq)
    this.clearTimer(task)
    this.settle(
      task,
      msg.type === 'done'
        ? { ok: true, facts: msg.facts }
        : msg.type === 'preview-done'
          ? { ok: true, preview: msg.preview }
          : { ok: false, failure: msg.failure }
    )
    this.dispatch()
  }

  private dispatch(): void {
    while (this.pending.length > 0) {
      const task = this.pending[0]!
      const worker = pickWorker(this.workers, task.solo, this.maxInFlight)
      if (!worker) return
      this.pending.shift()
      this.send(worker, task)
    }
  }

  private send(worker: Worker, task: Task): void {
    const { seq, path, previewOf } = task
    const { outDir } = this.options
    const message: ImageRequest =
      previewOf === null
        ? { type: 'process', seq, path, outDir }
        : { type: 'preview', seq, path, hash: previewOf, outDir }
    worker.inflight.set(task.seq, task)
    if (!worker.handle?.post(message)) {
      // The worker is on its way out; its exit event requeues the task.
      return
    }
    task.timer = setTimeout(() => this.onTimeout(worker, task), this.taskTimeoutMs)
  }

  private onTimeout(worker: Worker, task: Task): void {
    task.timer = null
    if (!worker.inflight.has(task.seq) || worker.dead) return
    this.options.log.warn('image worker timed out on a file; replacing it', { worker: worker.id })
    worker.inflight.delete(task.seq)
    // The others on this worker did nothing wrong: back to the queue without a strike.
    for (const other of [...worker.inflight.values()].reverse()) {
      this.clearTimer(other)
      this.pending.unshift(other)
    }
    worker.inflight.clear()
    if (retryAlone(task)) this.pending.push(task)
    else this.settle(task, { ok: false, failure: timedOutTwice(this.taskTimeoutMs) })
    worker.ready = false
    worker.handle?.kill()
  }

  private breakPool(): void {
    this.broken = failure('crashed', 'The image workers could not start, so nothing was read.')
    this.options.log.error('image workers keep failing to start; giving up')
    for (const task of this.pending.splice(0))
      this.settle(task, { ok: false, failure: this.broken })
  }

  private clearTimer(task: Task): void {
    if (task.timer) clearTimeout(task.timer)
    task.timer = null
  }

  private settle(task: Task, outcome: TaskOutcome | null, error?: Error): void {
    this.clearTimer(task)
    if (outcome) task.resolve(outcome)
    else task.reject(error ?? new PoolClosedError())
    if (outcome && !this.notifyQueued) {
      // Coalesced and outside our own call stack, so a caller may submit more from it.
      this.notifyQueued = true
      queueMicrotask(() => {
        this.notifyQueued = false
        if (!this.closed) this.options.onSlotFree?.()
      })
    }
  }
}
