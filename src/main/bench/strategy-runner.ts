import { quantileOf } from '@shared/activity/stats'
import type { StrategyResult, StrategyPlan } from '@shared/contract/bench'
import { LoopDelaySpan } from '../platform/metrics/loop-delay'
import type { ProcessStatsSource } from '../platform/metrics/process-stats'
import type { Executor } from './executors'

export interface StrategyRunOptions {
  readonly plan: StrategyPlan
  readonly files: readonly string[]
  readonly executor: Executor
  readonly processStats: ProcessStatsSource
  readonly signal: AbortSignal
  /** One weather refresh, run again and again during the batch; its latency is measured. */
  readonly weatherRefresh?: () => Promise<void>
  readonly onProgress?: (done: number, total: number) => void
  /** Waits until the executor's workers are up, so start-up is not counted as work. */
  readonly ready?: () => Promise<void>
}

const MEMORY_PERIOD_MS = 250
const WEATHER_GAP_MS = 500

/**
 * Runs one strategy over the batch and measures it: wall time, throughput, the main loop's
 * delay, weather latency while it runs, and peak memory of main and of the largest worker.
 * Cancelled or broken runs return what was measured, marked partial or failed.
 */
export async function runStrategy(options: StrategyRunOptions): Promise<StrategyResult> {
  const { plan, files, executor, signal } = options
  await options.ready?.()
  const loop = new LoopDelaySpan()
  let peakMain = 0
  let peakWorker = 0
  const sampleMemory = async (): Promise<void> => {
    const samples = await options.processStats.sample(executor.processes())
    for (const s of samples) {
      if (s.kind === 'main') peakMain = Math.max(peakMain, s.rssMb)
      else if (s.kind === 'worker') peakWorker = Math.max(peakWorker, s.rssMb)
    }
  }
  const memoryTimer = setInterval(
    () => void sampleMemory().catch(() => undefined),
    MEMORY_PERIOD_MS
  )
  await sampleMemory()

  const weatherTimes: number[] = []
  let running = true
  const weatherLoop = (async () => {
    if (!options.weatherRefresh) return
    while (running) {
      const t = performance.now()
      await options.weatherRefresh().catch(() => undefined)
      if (running) weatherTimes.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, WEATHER_GAP_MS))
    }
  })()

  const started = performance.now()
  let next = 0
  let done = 0
  let failed = 0
  let fatal: string | null = null
  const worker = async (): Promise<void> => {
    while (next < files.length && !signal.aborted && !fatal) {
      const path = files[next++]!
      try {
        const result = await executor.process(path)
        if (!result.ok) failed++
      } catch (error) {
        fatal = error instanceof Error ? error.message : String(error)
        return
      }
      done++
      options.onProgress?.(done, files.length)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, executor.capacity) }, worker))
  const wallMs = performance.now() - started

  running = false
  clearInterval(memoryTimer)
  await sampleMemory().catch(() => undefined)
  await weatherLoop
  const loopSample = loop.end()
  await executor.close()

  const complete = done === files.length
  return {
    strategy: plan.strategy,
    workers: plan.workers,
    files: files.length,
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
    renderer: null,
    status: fatal ? 'failed' : complete ? 'complete' : 'partial',
    note: fatal
      ? `Stopped: ${fatal}`
      : complete
        ? failed
          ? `${failed} of ${files.length} files could not be processed.`
          : ''
        : `Cancelled after ${done} of ${files.length} files.`
  }
}
