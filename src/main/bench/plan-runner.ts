import { mkdir, rm } from 'node:fs/promises'
import { strategyFromRepeats } from '@shared/activity/bench-summary'
import type { RepeatResult, StrategyPlan, StrategyResult } from '@shared/contract/bench'
import type { Logger } from '../platform/log'
import type { ProcessStatsSource } from '../platform/metrics/process-stats'
import type { Executor } from './executors'
import { settledRssMb, sharpCacheOffInMain } from './main-memory'
import { measurePass, type PassWork } from './strategy-runner'

export interface PlanRun {
  readonly plan: StrategyPlan
  /** Items in the sample (each measured pass covers them all). */
  readonly items: number
  readonly repeats: number
  /** Items in the unmeasured warm-up pass before the repeats. */
  readonly warmupItems: number
  /** Made once the "before" memory is read; closed before the "after" one. */
  readonly makeExecutor: () => Executor
  /** A pass over the first `count` items. */
  readonly work: (executor: Executor, count: number) => PassWork
  /** Folders a pass writes to; emptied after every pass, so no pass finds another's output. */
  readonly scratch: readonly string[]
  /** libvips runs inside main's process (in main, or on its threads). */
  readonly sharpInMain: boolean
  readonly processStats: ProcessStatsSource
  readonly signal: AbortSignal
  readonly log: Logger
  readonly weatherRefresh?: () => Promise<void>
  /** A pass's progress: `repeat` 0 is the warm-up. */
  readonly onProgress: (repeat: number, done: number, total: number) => void
  /** The strategy so far, after each measured pass (stored as it goes). */
  readonly onRepeat: (partial: StrategyResult) => void
}

async function emptied(dirs: readonly string[], log: Logger): Promise<void> {
  for (const dir of dirs) {
    try {
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true })
    } catch (error) {
      // A folder left full would let the next pass reuse its outputs: that pass must not run.
      log.error('bench: could not empty a scratch folder', { error })
      throw new Error('A scratch folder of the comparison could not be emptied.', { cause: error })
    }
  }
}

/**
 * One strategy: main's RSS before it, one warm-up pass (not kept), then `repeats` measured
 * passes, each over the whole sample; then its workers closed, sharp's memory given back when
 * it ran in main, and main's RSS after. Stops early on a failed pass or a cancel.
 */
export async function runPlan(p: PlanRun): Promise<StrategyResult> {
  const beforeMb = await settledRssMb()
  const cache = p.sharpInMain ? sharpCacheOffInMain() : null
  const executor = p.makeExecutor()
  const repeats: RepeatResult[] = []
  const pass = (repeat: number, count: number): Promise<RepeatResult> =>
    measurePass({
      repeat,
      work: p.work(executor, count),
      processes: () => executor.processes(),
      processStats: p.processStats,
      signal: p.signal,
      log: p.log,
      weatherRefresh: repeat > 0 ? p.weatherRefresh : undefined,
      onProgress: (done, total) => p.onProgress(repeat, done, total)
    })
  try {
    await emptied(p.scratch, p.log)
    const warm = await pass(0, Math.min(p.warmupItems, p.items))
    await emptied(p.scratch, p.log)
    if (warm.status === 'failed') repeats.push({ ...warm, note: `Warm-up: ${warm.note}` })
    for (let r = 1; r <= p.repeats && warm.status !== 'failed' && !p.signal.aborted; r++) {
      const result = await pass(r, p.items)
      repeats.push(result)
      p.onRepeat(strategyFromRepeats(p.plan, p.items, repeats, null))
      await emptied(p.scratch, p.log)
      if (result.status === 'failed') break
    }
  } finally {
    await executor.close()
    cache?.restore()
  }
  const afterMb = await settledRssMb()
  return strategyFromRepeats(p.plan, p.items, repeats, {
    beforeMb,
    afterMb,
    sharpInMain: p.sharpInMain,
    released: cache?.released ?? 'nothing ran in main; its workers are closed'
  })
}
