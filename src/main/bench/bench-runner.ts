import { join } from 'node:path'
import { AppFailure } from '@shared/contract'
import type { BenchRun, BenchSample, StrategyPlan } from '@shared/contract/bench'
import type { ServiceContext } from '../core/service'
import type { ProcessStatsSource } from '../platform/metrics/process-stats'
import { inMainExecutor, processExecutor, threadExecutor, type Executor } from './executors'
import { resolveSample } from './sample-set'
import type { BenchRunRepository } from './store/bench-run-repository'
import { runStrategy } from './strategy-runner'

export interface BenchDeps {
  readonly processStats: ProcessStatsSource
  /** One weather refresh of the stored places (the same the app runs on its timer). */
  readonly refreshWeather: () => Promise<void>
  /** Worker entries by name; threads need 'bench-thread'. */
  readonly threadExecArgv?: string[]
}

export type RunOptions = { jsStage: boolean; withWeather: boolean }

/** Runs one stored comparison: the sample, then each plan in turn; the outcome is stored. */
export function benchRunner(
  ctx: Pick<ServiceContext, 'bus' | 'tasks' | 'paths' | 'log' | 'now' | 'launcher' | 'workerEntry'>,
  deps: BenchDeps,
  repo: BenchRunRepository
) {
  const executorFor = (plan: StrategyPlan, outDir: string, jsStage: boolean): Executor => {
    if (plan.strategy === 'in-main') return inMainExecutor(outDir, jsStage)
    if (plan.strategy === 'threads')
      return threadExecutor(
        ctx.workerEntry('bench-thread'),
        plan.workers,
        outDir,
        jsStage,
        deps.threadExecArgv
      )
    return processExecutor(
      ctx.launcher,
      ctx.workerEntry('image-worker'),
      plan.workers,
      outDir,
      jsStage,
      ctx.log
    )
  }

  const execute = async (
    id: number,
    sample: BenchSample,
    plans: StrategyPlan[],
    options: { jsStage: boolean; withWeather: boolean },
    signal: AbortSignal
  ): Promise<void> => {
    const taskId = `bench-${id}`
    const emit = (
      phase: 'preparing' | 'running' | 'finished',
      index: number,
      done: number,
      total: number,
      detail: string
    ): void => {
      ctx.bus.emit('bench:progress', { runId: id, phase, index, plans, done, total, detail })
      ctx.tasks.set({
        id: taskId,
        kind: 'benchmark',
        label: 'Test both',
        progress: total ? done / total : null,
        detail
      })
    }
    let status: BenchRun['status'] = 'complete'
    let note = ''
    try {
      emit('preparing', 0, 0, 0, 'Preparing the sample')
      const resolved = await resolveSample(sample, join(ctx.paths.cache, 'bench-samples'), (n) =>
        emit(
          'preparing',
          0,
          n,
          sample.kind === 'generated' ? sample.count : n,
          `Generating sample photos (${n})`
        )
      )
      repo.update(id, { files: resolved.files.length })
      const results = []
      for (const [index, plan] of plans.entries()) {
        if (signal.aborted) break
        const outDir = join(ctx.paths.cache, 'bench-out', `${id}-${index}`)
        emit('running', index, 0, resolved.files.length, `${plan.strategy} × ${plan.workers}`)
        const executor = executorFor(plan, outDir, options.jsStage)
        const result = await runStrategy({
          plan,
          files: resolved.files,
          executor,
          processStats: deps.processStats,
          signal,
          weatherRefresh: options.withWeather ? deps.refreshWeather : undefined,
          onProgress: (done, total) =>
            emit('running', index, done, total, `${plan.strategy} × ${plan.workers}`)
        })
        results.push(result)
        // Stored as each strategy ends, keeping the window's figures already reported.
        repo.update(id, { results: [...(repo.get(id)?.results ?? []), result] })
        if (result.status === 'failed') {
          status = 'failed'
          note = result.note
          break
        }
      }
      if (signal.aborted) {
        status = 'cancelled'
        note = 'Cancelled; the strategies that ran are shown, the last one partial.'
      } else if (status === 'complete' && results.some((r) => r.status !== 'complete'))
        status = 'partial'
    } catch (error) {
      status = 'failed'
      note =
        error instanceof AppFailure
          ? error.message
          : `The run stopped: ${error instanceof Error ? error.message : String(error)}`
      ctx.log.warn('bench run failed', { id, error })
    } finally {
      try {
        repo.finish(id, status, note, ctx.now())
        const run = repo.get(id)
        if (run) ctx.bus.emit('bench:finished', run)
      } catch (error) {
        ctx.log.error('could not store the end of a bench run', { id, error })
      }
      ctx.tasks.end(taskId)
    }
  }

  return execute
}
