import type { Failure } from '@shared/library/reasons'
import type { ImageFacts, ImageRequest } from '@shared/worker/image-protocol'
import type { WorkerHandle } from '../../platform/process/launcher'

/** What a file's trip through the pool ends with. */
export type PoolOutcome = { ok: true; facts: ImageFacts } | { ok: false; failure: Failure }
/** What a preview's trip (phase 2) ends with: its file below the thumbnails folder, or why not. */
export type PreviewOutcome = { ok: true; preview: string } | { ok: false; failure: Failure }
export type TaskOutcome = PoolOutcome | PreviewOutcome

export interface Task {
  readonly seq: number
  readonly path: string
  /** Set for a preview (phase 2): the content hash its thumbnail was made from. */
  readonly previewOf: string | null
  attempts: number
  /** After a crash a task runs alone, so it cannot take innocent files down with it. */
  solo: boolean
  timer: ReturnType<typeof setTimeout> | null
  resolve(outcome: TaskOutcome): void
  reject(error: Error): void
}

export interface Worker {
  readonly id: number
  handle: WorkerHandle | null
  ready: boolean
  /** Sent 'ready' once: a later death is a crash, not a failure to start. */
  started: boolean
  dead: boolean
  readonly inflight: Map<number, Task>
  startTimer: ReturnType<typeof setTimeout> | null
  exited: Promise<void>
  markExited(): void
}

/** A worker's record before its process is launched. */
export function newWorker(id: number): Worker {
  let markExited = (): void => undefined
  const exited = new Promise<void>((resolve) => (markExited = resolve))
  return {
    id,
    handle: null,
    ready: false,
    started: false,
    dead: false,
    inflight: new Map(),
    startTimer: null,
    exited,
    markExited
  }
}

/**
 * The least-loaded ready worker that may take a task: never one running a solo task, a solo
 * task only on an idle worker, otherwise one below `maxInFlight`.
 */
export function pickWorker(
  workers: readonly Worker[],
  solo: boolean,
  maxInFlight: number
): Worker | null {
  let best: Worker | null = null
  for (const w of workers) {
    if (!w.ready || w.dead) continue
    if ([...w.inflight.values()].some((t) => t.solo)) continue
    if (solo ? w.inflight.size > 0 : w.inflight.size >= maxInFlight) continue
    if (!best || w.inflight.size < best.inflight.size) best = w
  }
  return best
}

/** Asks a live worker to exit, killing it if it has not within 2 s; resolves once it is gone. */
export function shutDown(w: Worker): Promise<void> {
  if (!w.dead && w.handle) {
    const shutdown: ImageRequest = { type: 'shutdown' }
    if (!w.handle.post(shutdown)) w.handle.kill()
    const handle = w.handle
    const force = setTimeout(() => handle.kill(), 2000)
    return w.exited.finally(() => clearTimeout(force))
  }
  return Promise.resolve()
}
