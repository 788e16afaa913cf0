import { quantileOf } from '@shared/activity/stats'
import type { RepeatResult } from '@shared/contract/bench'
import type { Logger } from '../platform/log'
import { LoopDelaySpan } from '../platform/metrics/loop-delay'
import type { KnownProcess, ProcessStatsSource } from '../platform/metrics/process-stats'
import type { Executor } from './executors'
import { mainRssMb } from './main-memory'

/** How an item ended; a failed one says why (the first reason goes into the pass's note). */
export type ItemReport = (ok: boolean, reason?: string) => void

/** The work of one pass: `total` items, each reported as it ends; a throw stops the pass. */
export interface PassWork {
  readonly total: number
  run(report: ItemReport, signal: AbortSignal): Promise<void>
}

export interface PassOptions {
  /** 1-based; 0 for a warm-up pass. */
  readonly repeat: number
  readonly work: PassWork
  /** The strategy's worker processes now, for their memory. */
  readonly processes: () => KnownProcess[]
  readonly processStats: ProcessStatsSource
  readonly signal: AbortSignal
  readonly log: Logger
  /** One weather refresh, run again and again during the pass; its latency is measured. */
  readonly weatherRefresh?: () => Promise<void>
  readonly onProgress?: (done: number, total: number) => void
}

const MEMORY_PERIOD_MS = 250
const WEATHER_GAP_MS = 500

/**
 * Each of `items` through `process`, `capacity` at a time: the image strategies' work. A
 * rejected `process` (a broken executor, not a bad file) stops the pass.
 */
export function batchWork(
  items: readonly string[],
  capacity: number,
  process: Executor['process']
): PassWork {
  return {
    total: items.length,
    async run(report, signal) {
      let next = 0
      let broken = false
      const lane = async (): Promise<void> => {
        while (next < items.length && !signal.aborted && !broken) {
          try {
            const result = await process(items[next++]!)
            report(result.ok, result.reason)
          } catch (error) {
            broken = true // the other lanes stop too: the executor is gone
            throw error
          }
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, capacity) }, lane))
    }
  }
}

/**
 * Runs one pass of a strategy and measures it: wall time, throughput, the main loop's delay,
 * weather latency while it runs, and peak memory of main and of the largest worker. A
 * cancelled or broken pass returns what was measured, marked partial or failed.
 */
export async function measurePass(options: PassOptions): Promise<RepeatResult> {
  const { work, signal, log } = options
  const loop = new LoopDelaySpan()
  let peakMain = 0
  let peakWorker = 0
  let memoryWarned = false
  const sampleMemory = async (): Promise<void> => {
    try {
      for (const s of await options.processStats.sample(options.processes())) {
        if (s.kind === 'main') peakMain = Math.max(peakMain, s.rssMb)
        else if (s.kind === 'worker') peakWorker = Math.max(peakWorker, s.rssMb)
      }
    } catch (error) {
      // A missed reading lowers no figure below what was read; said once per pass.
      if (!memoryWarned) log.warn('bench: a memory reading failed', { error })
      memoryWarned = true
    }
  }
  const memoryTimer = setInterval(() => void sampleMemory(), MEMORY_PERIOD_MS)
  await sampleMemory()

  const weatherTimes: number[] = []
  let running = true
  const weatherLoop = (async () => {
    if (!options.weatherRefresh) return
    let warned = false
    while (running) {
      const t = performance.now()
      try {
        await options.weatherRefresh()
      } catch (error) {
        // Its time still counts: a refresh that fails slowly is what the user waited for.
        if (!warned) log.warn('bench: a weather refresh failed during a pass', { error })
        warned = true
      }
      if (running) weatherTimes.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, WEATHER_GAP_MS))
    }
  })()

  const started = performance.now()
  let done = 0
  let failed = 0
  let firstReason: string | null = null
  let fatal: string | null = null
  try {
    await work.run((ok, reason) => {
      done++
      if (!ok) failed++
      if (!ok && reason) firstReason ??= reason
      options.onProgress?.(done, work.total)
    }, signal)
  } catch (error) {
    fatal = error instanceof Error ? error.message : String(error)
  }
  const wallMs = performance.now() - started

  running = false
  clearInterval(memoryTimer)
  await sampleMemory()
  await weatherLoop
  const loopSample = loop.end()

  const complete = !fatal && done === work.total
  return {
    repeat: Math.max(1, options.repeat),
    processed: done,
    failed,
    wallMs,
    perSecond: wallMs > 0 ? (done / wallMs) * 1000 : 0,
    loopP99Ms: loopSample.p99Ms,
    loopMaxMs: loopSample.maxMs,
    weatherP99Ms: weatherTimes.length ? quantileOf(weatherTimes, 0.99) : null,
    weatherCount: weatherTimes.length,
    peakMainRssMb: peakMain,
    peakWorkerRssMb: peakWorker || null,
    endMainRssMb: mainRssMb(),
    renderer: null,
    status: fatal ? 'failed' : complete ? 'complete' : 'partial',
    note: fatal
      ? `Stopped: ${fatal}`
      : complete
        ? failed
          ? `${failed} of ${work.total} files could not be processed${firstReason ? ` (the first: ${firstReason})` : ''}.`
          : ''
        : `Cancelled after ${done} of ${work.total} files.`
  }
}
