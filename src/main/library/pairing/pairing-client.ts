import {
  pairingReplySchema,
  type PairingReply,
  type PairingRequest
} from '@shared/worker/pairing-protocol'
import type { Db } from '../../platform/store/database'
import type { Logger } from '../../platform/log'
import type { ProcessLauncher, WorkerEvent, WorkerHandle } from '../../platform/process/launcher'
import { onQueued, SimilarPairs } from '../store/similar-pairs'

export interface Backfill {
  /** Resolves with the pairs added once the queue was first empty (or pairing stopped). */
  readonly done: Promise<number>
  /** Resolves when nothing is queued or being paired (again). */
  idle(): Promise<void>
  /**
   * Holds pairing while an import runs: the import's workers get the cores, and pairing catches
   * up when it is idle (measured: pairing beside an import doubled main's loop delay).
   */
  setHeld(held: boolean): void
  /** Stops pairing; resolves once the worker has exited. */
  stop(): Promise<void>
}

export interface PairingOptions {
  readonly thumbsDir: string
  readonly launcher: ProcessLauncher
  /** The pairing worker's entry (pairing-worker.ts, built as `pairing-worker`). */
  readonly entry: string
  readonly log?: Logger
  /** Queued contents compared per pass: main writes each pass in one short transaction. */
  readonly pairs?: number
  /** Thumbnails read per pass, for contents stored without a fingerprint. */
  readonly reads?: number
  /** First wait before a failed pass is tried again; it doubles up to a minute. */
  readonly retryMs?: number
  /** A pass not answered within this is a hung worker: it is ended and the pass tried again. */
  readonly passTimeoutMs?: number
  /** An idle worker exits after this, giving back the index's memory. */
  readonly idleExitMs?: number
  /** Runs the worker below the UI's priority (the default): on a busy machine it waits. */
  readonly lowPriority?: boolean
}

interface Live {
  readonly handle: WorkerHandle
  ready: boolean
  /** Asked to go (idle, stopped, or ended for a bad answer): its end is no failure. */
  leaving: boolean
  /** Ends a worker that was asked to go and has not within 2 s. */
  force: ReturnType<typeof setTimeout> | null
  /** Gives up on a worker that has not said it is ready in time. */
  starting: ReturnType<typeof setTimeout> | null
  readonly exited: Promise<void>
}

const MAX_RETRY_MS = 60_000

/**
 * Makes the pairs of queued contents (library_similar_backfill) in a worker process: after a
 * migration every content, then each new one. The worker reads the library read-only and finds
 * the pairs; main only validates its answer and writes it. A worker that crashes, hangs or
 * answers garbage is logged and replaced, and the pass is tried again later; nothing else stops.
 */
export function backfillSimilar(db: Db, options: PairingOptions): Backfill {
  const client = new PairingClient(db, options)
  onQueued(db, () => client.wake())
  client.wake()
  return {
    done: client.firstDrain,
    idle: () => client.idle(),
    setHeld: (held) => client.setHeld(held),
    stop: () => {
      onQueued(db, null)
      return client.stop()
    }
  }
}

class PairingClient {
  private readonly pairs: SimilarPairs
  private readonly queued
  private worker: Live | null = null
  private seq = 0
  private inFlight: { seq: number; timer: ReturnType<typeof setTimeout> } | null = null
  private tick: NodeJS.Immediate | null = null
  private retry: ReturnType<typeof setTimeout> | null = null
  private exitTimer: ReturnType<typeof setTimeout> | null = null
  private failures = 0
  private held = false
  private stopped = false
  private added = 0
  private waiters: (() => void)[] = []
  private drained: (added: number) => void = () => undefined
  readonly firstDrain = new Promise<number>((resolve) => (this.drained = resolve))

  constructor(
    private readonly db: Db,
    private readonly o: PairingOptions
  ) {
    this.pairs = new SimilarPairs(db)
    // The same two kinds of work the worker looks for (pairing-pass.ts).
    this.queued = db.prepare<[], number>(
      `SELECT 1 FROM library_similar_backfill b WHERE
         EXISTS (SELECT 1 FROM library_near_keys k WHERE k.hash = b.hash)
         OR EXISTS (SELECT 1 FROM library_assets a WHERE a.hash = b.hash) LIMIT 1`
    )
  }

  wake(): void {
    if (!this.stopped && !this.held && !this.tick) this.tick = setImmediate(() => this.next())
  }

  setHeld(held: boolean): void {
    this.held = held
    if (held && this.tick) {
      clearImmediate(this.tick)
      this.tick = null
    }
    if (!held) this.wake()
  }

  idle(): Promise<void> {
    return this.stopped || this.isIdle()
      ? Promise.resolve()
      : new Promise((resolve) => this.waiters.push(resolve))
  }

  stop(): Promise<void> {
    this.stopped = true
    for (const t of [this.retry, this.exitTimer, this.inFlight?.timer]) if (t) clearTimeout(t)
    if (this.tick) clearImmediate(this.tick)
    this.tick = this.retry = this.exitTimer = this.inFlight = null
    this.settle()
    const w = this.worker
    this.release()
    return w ? w.exited : Promise.resolve()
  }

  private isIdle(): boolean {
    return !this.inFlight && this.queued.get() === undefined
  }

  private settle(): void {
    this.drained(this.added)
    for (const w of this.waiters.splice(0)) w()
  }

  /** Sends the next pass, or settles and lets the worker go when nothing is queued. */
  private next(): void {
    this.tick = null
    if (this.stopped || this.held || this.inFlight || this.retry) return
    let idle: boolean
    try {
      idle = this.isIdle()
    } catch (error) {
      this.failed('the queue could not be read', { error: String(error) })
      return
    }
    if (idle) {
      this.settle()
      if (this.worker && !this.exitTimer)
        this.exitTimer = setTimeout(() => {
          this.exitTimer = null
          this.release()
        }, this.o.idleExitMs ?? 30_000)
      return
    }
    if (this.exitTimer) clearTimeout(this.exitTimer)
    this.exitTimer = null
    const w = this.worker ?? this.launch()
    if (!w.ready) return // 'ready' wakes the loop
    const seq = ++this.seq
    const request: PairingRequest = {
      type: 'pass',
      seq,
      database: this.db.name,
      thumbsDir: this.o.thumbsDir,
      pairs: this.o.pairs ?? 100,
      reads: this.o.reads ?? 8
    }
    const timer = setTimeout(() => {
      this.failed('the pairing worker did not answer in time', {}, true)
    }, this.o.passTimeoutMs ?? 120_000)
    this.inFlight = { seq, timer }
    if (!w.handle.post(request)) this.failed('the pairing worker could not be reached', {}, true)
  }

  private launch(): Live {
    let exited = (): void => undefined
    const gone = new Promise<void>((resolve) => (exited = resolve))
    // Launchers deliver every event asynchronously, so `live` is set before the first one.
    const live: Live = {
      handle: this.o.launcher.launch(
        this.o.entry,
        { name: 'pairing-worker', lowPriority: this.o.lowPriority ?? true },
        (event) => {
          if (event.type === 'message') this.onMessage(live, event.data)
          else if (event.type !== 'spawned') {
            for (const t of [live.force, live.starting]) if (t) clearTimeout(t)
            exited()
            this.onEnd(live, event)
          }
        }
      ),
      ready: false,
      leaving: false,
      force: null,
      starting: setTimeout(() => {
        if (this.worker === live) this.failed('the pairing worker did not start in time', {}, true)
      }, this.o.passTimeoutMs ?? 120_000),
      exited: gone
    }
    this.worker = live
    return live
  }

  private onEnd(live: Live, event: Exclude<WorkerEvent, { type: 'message' | 'spawned' }>): void {
    if (this.worker !== live) return
    this.worker = null
    if (live.leaving || this.stopped) return
    this.failed(
      'the pairing worker stopped',
      event.type === 'spawn-failed'
        ? { error: event.message }
        : { code: event.code, signal: event.type === 'crashed' ? event.signal : null }
    )
  }

  private onMessage(live: Live, data: unknown): void {
    if (this.worker !== live || this.stopped) return
    const parsed = pairingReplySchema.safeParse(data)
    if (!parsed.success) {
      this.failed('the pairing worker answered garbage', { error: parsed.error.message }, true)
      return
    }
    const reply: PairingReply = parsed.data
    if (reply.type === 'ready') {
      if (live.starting) clearTimeout(live.starting)
      live.ready = true
      this.wake()
      return
    }
    if (reply.type === 'rejected') {
      this.failed('the pairing worker refused a request', { reason: reply.reason })
      return
    }
    if (reply.seq !== this.inFlight?.seq) return // a pass given up on already
    if (reply.type === 'failed') {
      this.failed('a pairing pass failed', { reason: reply.reason })
      return
    }
    clearTimeout(this.inFlight.timer)
    this.inFlight = null
    try {
      this.added += this.pairs.apply(reply, this.o.log)
    } catch (error) {
      // The database refused (full disk, closed): tried again later.
      this.failed('pairs could not be written', { error: String(error) })
      return
    }
    this.failures = 0
    this.wake()
  }

  /** Logs why a pass failed and tries again later; `end` replaces a worker that misbehaved. */
  private failed(what: string, context: Record<string, unknown>, end = false): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer)
    this.inFlight = null
    if (end && this.worker) {
      this.worker.leaving = true
      this.worker.handle.kill()
      this.worker = null
    }
    const wait = Math.min((this.o.retryMs ?? 1000) * 2 ** this.failures, MAX_RETRY_MS)
    this.failures++
    this.o.log?.warn(`near-duplicate pairing: ${what}; trying again later`, {
      ...context,
      retryInMs: wait
    })
    if (this.stopped || this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      this.wake()
    }, wait)
  }

  /** Asks the worker to exit, ending it if it has not within 2 s. */
  private release(): void {
    const w = this.worker
    if (!w) return
    this.worker = null
    w.leaving = true
    const shutdown: PairingRequest = { type: 'shutdown' }
    if (!w.handle.post(shutdown)) w.handle.kill()
    else w.force = setTimeout(() => w.handle.kill(), 2000)
  }
}
