import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { benchThreadReplySchema } from '@shared/worker/bench-thread-protocol'
import { JS_STAGE_FLAG } from '@shared/worker/image-protocol'
import { ImagePool } from '../library/pool/image-pool'
import type { Logger } from '../platform/log'
import type { KnownProcess } from '../platform/metrics/process-stats'
import type { ProcessLauncher } from '../platform/process/launcher'
import { benchTask, type BenchTaskResult } from './worker/bench-task'

/** One way of running a batch: in main, on threads, or in worker processes. */
export interface Executor {
  /** Files it can usefully hold at once; the runner keeps it that full. */
  readonly capacity: number
  process(path: string): Promise<BenchTaskResult>
  /** Its worker processes, for CPU and memory figures. */
  processes(): KnownProcess[]
  close(): Promise<void>
}

/** (a) In the main process: sharp's async calls run on libuv's threads, JS on the main loop. */
export function inMainExecutor(outDir: string, jsStage: boolean): Executor {
  return {
    capacity: availableParallelism() * 2,
    process: (path) => benchTask(path, outDir, jsStage),
    processes: () => [],
    close: async () => undefined
  }
}

/** (b) A worker_threads pool inside the main process. */
export function threadExecutor(
  entry: string,
  size: number,
  outDir: string,
  jsStage: boolean,
  execArgv: string[] = []
): Executor {
  const threads = Array.from({ length: size }, () => ({
    worker: new Worker(entry, { execArgv }),
    inflight: new Map<number, (r: BenchTaskResult) => void>()
  }))
  let seq = 0
  for (const t of threads) {
    t.worker.on('message', (raw: unknown) => {
      const reply = benchThreadReplySchema.safeParse(raw)
      if (!reply.success) return
      const settle = t.inflight.get(reply.data.seq)
      t.inflight.delete(reply.data.seq)
      settle?.({ ok: reply.data.ok, reason: reply.data.reason })
    })
    const fail = (reason: string): void => {
      for (const settle of t.inflight.values()) settle({ ok: false, reason })
      t.inflight.clear()
    }
    t.worker.on('error', (error) => fail(`the worker thread failed: ${error.message}`))
    t.worker.on('exit', (code) => fail(`the worker thread exited (${code})`))
  }
  return {
    capacity: size * 2,
    process(path) {
      const t = threads.reduce((a, b) => (b.inflight.size < a.inflight.size ? b : a))
      const id = seq++
      return new Promise((resolve) => {
        t.inflight.set(id, resolve)
        t.worker.postMessage({ seq: id, path, outDir, jsStage })
      })
    },
    processes: () => [],
    close: async () => {
      await Promise.all(threads.map((t) => t.worker.terminate()))
    }
  }
}

/** (c) The app's own utilityProcess pool (child processes under Node), N workers. */
export function processExecutor(
  launcher: ProcessLauncher,
  entry: string,
  size: number,
  outDir: string,
  jsStage: boolean,
  log: Logger
): Executor {
  const pool = new ImagePool({
    launcher,
    entry,
    outDir,
    size,
    log,
    args: jsStage ? [JS_STAGE_FLAG] : []
  })
  return {
    capacity: size * 2,
    async process(path) {
      const outcome = await pool.process(path)
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.failure.reason }
    },
    processes: () =>
      pool
        .stats()
        .flatMap((s, i) =>
          s.pid ? [{ pid: s.pid, name: `Worker ${i + 1}`, kind: 'worker' as const }] : []
        ),
    close: () => pool.close()
  }
}
