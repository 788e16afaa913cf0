import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { AppFailure } from '@shared/contract'
import { runToCsv, runToJson } from '@shared/activity/export'
import type { BenchRun, BenchSample, StrategyPlan } from '@shared/contract/bench'
import type { ProcessStatsSource } from '../platform/metrics/process-stats'
import type { Service, ServiceContext } from '../core/service'
import { BenchRunRepository } from './store/bench-run-repository'
import { inMainExecutor, processExecutor, threadExecutor, type Executor } from './executors'
import { resolveSample } from './sample-set'
import { runStrategy } from './strategy-runner'

export type BenchChannel =
  | 'bench:start'
  | 'bench:cancel'
  | 'bench:runs'
  | 'bench:run'
  | 'bench:export'
  | 'bench:renderer-report'

export interface BenchDeps {
  readonly processStats: ProcessStatsSource
  /** One weather refresh of the stored places (the same the app runs on its timer). */
  readonly refreshWeather: () => Promise<void>
  /** Worker entries by name; threads need 'bench-thread'. */
  readonly threadExecArgv?: string[]
}

/** The plans for a run: in main, threads (one per core), then processes with 1…max workers. */
export function plansFor(maxWorkers: number, cores = availableParallelism()): StrategyPlan[] {
  return [
    { strategy: 'in-main', workers: 1 },
    { strategy: 'threads', workers: cores },
    ...Array.from({ length: maxWorkers }, (_, i) => ({
      strategy: 'processes' as const,
      workers: i + 1
    }))
  ]
}

/** "Test both": runs the same batch under each strategy, one at a time, and stores the results. */
export function setupBench(ctx: ServiceContext, deps: BenchDeps): Service<BenchChannel> {
  const repo = new BenchRunRepository(ctx.db)
  let active: { id: number; abort: AbortController; done: Promise<void> } | null = null

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

  const requireRun = (runId: number): BenchRun => {
    const run = repo.get(runId)
    if (!run) throw new AppFailure('not_found', 'That run is no longer stored.')
    return run
  }

  return {
    handlers: {
      'bench:start': async ({ sample, maxWorkers, jsStage, withWeather }) => {
        if (active)
          throw new AppFailure(
            'conflict',
            'A comparison is already running; cancel it or wait for it to finish.'
          )
        const plans = plansFor(maxWorkers ?? availableParallelism())
        const id = repo.create({
          startedAt: ctx.now(),
          sampleLabel: sample.kind === 'generated' ? `${sample.count} generated photos` : 'Folder',
          files: 0,
          jsStage,
          withWeather,
          plans
        })
        const abort = new AbortController()
        const done = execute(id, sample, plans, { jsStage, withWeather }, abort.signal).finally(
          () => {
            active = null
          }
        )
        active = { id, abort, done }
        return { runId: id }
      },
      'bench:cancel': ({ runId }) => {
        if (active?.id !== runId) return { cancelled: false }
        active.abort.abort()
        return { cancelled: true }
      },
      'bench:runs': () => ({ runs: repo.list() }),
      'bench:run': ({ runId }) => requireRun(runId),
      'bench:export': ({ runId, format }) => {
        const run = requireRun(runId)
        const stamp = new Date(run.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-')
        return format === 'csv'
          ? {
              filename: `skyfolio-test-both-${stamp}.csv`,
              mimeType: 'text/csv',
              text: runToCsv(run)
            }
          : {
              filename: `skyfolio-test-both-${stamp}.json`,
              mimeType: 'application/json',
              text: runToJson(run)
            }
      },
      'bench:renderer-report': ({ runId, index, figures }) => {
        const run = repo.get(runId)
        const result = run?.results[index]
        if (!run || !result) return { stored: false }
        const results = run.results.map((r, i) => (i === index ? { ...r, renderer: figures } : r))
        repo.update(runId, { results })
        return { stored: true }
      }
    },
    start() {
      repo.markInterrupted(ctx.now())
    },
    async close() {
      active?.abort.abort()
      await active?.done
    }
  }
}
