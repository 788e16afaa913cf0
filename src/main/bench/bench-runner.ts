import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { runVerdict, withRendererFigures } from '@shared/activity/bench-summary'
import { AppFailure } from '@shared/contract'
import type {
  BenchRun,
  BenchSample,
  StrategyPlan,
  StrategyResult,
  Workload
} from '@shared/contract/bench'
import type { ServiceContext } from '../core/service'
import type { ProcessStatsSource } from '../platform/metrics/process-stats'
import { inMainExecutor, processExecutor, threadExecutor, type Executor } from './executors'
import { DOWNLOAD_CONCURRENCY, downloadWork } from './hybrid-runner'
import { startImageServer, type ImageServer } from './hybrid-server'
import { machineInfo } from './machine'
import { runPlan } from './plan-runner'
import { resolveSample } from './sample-set'
import type { BenchRunRepository } from './store/bench-run-repository'
import { batchWork } from './strategy-runner'

export interface BenchDeps {
  readonly processStats: ProcessStatsSource
  /** One weather refresh of the stored places (the same the app runs on its timer). */
  readonly refreshWeather: () => Promise<void>
  /** Worker entries by name; threads need 'bench-thread'. */
  readonly threadExecArgv?: string[]
  /** Written into each run's machine record and exports. */
  readonly appVersion?: string
}

export type RunOptions = {
  jsStage: boolean
  withWeather: boolean
  repeats: number
  workload: Workload
  /** "Download and process": the loopback server's delay per image. */
  latencyMs: number
}

type RunContext = Pick<
  ServiceContext,
  'bus' | 'tasks' | 'paths' | 'log' | 'now' | 'launcher' | 'workerEntry' | 'fetch' | 'network'
>

/** libvips runs inside main's process for these (in main itself, or on its worker threads). */
const runsSharpInMain = (plan: StrategyPlan): boolean =>
  plan.strategy === 'in-main' || plan.strategy === 'threads'

/** Keeps the window's figures already reported for a strategy when its result is replaced. */
function keepRenderer(stored: StrategyResult | undefined, fresh: StrategyResult): StrategyResult {
  if (!stored) return fresh
  let kept = fresh
  for (const r of stored.repeats ?? [])
    if (r.renderer) kept = withRendererFigures(kept, r.repeat, r.renderer)
  if (!kept.renderer && stored.renderer)
    kept = withRendererFigures(kept, undefined, stored.renderer)
  return kept
}

/** Runs one stored comparison: the sample, then each plan in turn; the outcome is stored. */
export function benchRunner(ctx: RunContext, deps: BenchDeps, repo: BenchRunRepository) {
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
    options: RunOptions,
    signal: AbortSignal
  ): Promise<void> => {
    const taskId = `bench-${id}`
    const passes = options.repeats + 1
    const emit = (
      phase: 'preparing' | 'running' | 'finished',
      index: number,
      repeat: number,
      done: number,
      total: number,
      detail: string
    ): void => {
      ctx.bus.emit('bench:progress', {
        runId: id,
        phase,
        index,
        plans,
        workload: options.workload,
        repeat,
        repeats: options.repeats,
        done,
        total,
        detail
      })
      const overall =
        phase === 'running' && total
          ? (index * passes + repeat + done / total) / (plans.length * passes)
          : null
      ctx.tasks.set({
        id: taskId,
        kind: 'benchmark',
        label: 'Test both',
        progress: overall,
        detail
      })
    }
    let status: BenchRun['status'] = 'complete'
    let note = ''
    let server: ImageServer | null = null
    const results: StrategyResult[] = []
    try {
      repo.update(id, { machine: machineInfo(deps.appVersion ?? null) })
      emit('preparing', 0, 0, 0, 0, 'Preparing the sample')
      const resolved = await resolveSample(sample, join(ctx.paths.cache, 'bench-samples'), (n) =>
        emit(
          'preparing',
          0,
          0,
          n,
          sample.kind === 'generated' ? sample.count : n,
          `Generating sample photos (${n})`
        )
      )
      const files = resolved.files
      const warmupItems = Math.min(files.length, 2 * availableParallelism())
      const download = options.workload === 'download'
      repo.update(id, {
        files: files.length,
        sampleLabel: resolved.label,
        sample: {
          kind: sample.kind,
          label: resolved.label,
          files: files.length,
          generated: resolved.generated,
          warmupFiles: warmupItems,
          download: download
            ? { latencyMs: options.latencyMs, concurrency: DOWNLOAD_CONCURRENCY }
            : null
        }
      })
      if (download) server = await startImageServer(files, options.latencyMs, ctx.log)
      const urls = server ? files.map((_, i) => server!.url(i)) : []

      for (const [index, plan] of plans.entries()) {
        if (signal.aborted) break
        const label = `${plan.strategy} × ${plan.workers}`
        const outDir = join(ctx.paths.cache, 'bench-out', `${id}-${index}`)
        const downloadsDir = join(ctx.paths.cache, 'bench-downloads', `${id}-${index}`)
        const store = (result: StrategyResult): void => {
          // Stored as it goes, keeping the window's figures already reported, for earlier
          // strategies too: the window reports a strategy's last pass after the next one began.
          const stored = repo.get(id)?.results ?? []
          results[index] = result
          for (const [i, r] of results.entries()) results[i] = keepRenderer(stored[i], r)
          repo.update(id, { results: [...results] })
        }
        const result = await runPlan({
          plan,
          items: files.length,
          repeats: options.repeats,
          warmupItems,
          makeExecutor: () => executorFor(plan, outDir, options.jsStage),
          work: (executor, count) =>
            download
              ? downloadWork(plan, urls.slice(0, count), executor, {
                  fetch: ctx.fetch,
                  dir: downloadsDir,
                  track: (host) => ctx.network.start(host, 'Test both download'),
                  log: ctx.log
                })
              : batchWork(files.slice(0, count), executor.capacity, executor.process),
          scratch: download ? [outDir, downloadsDir] : [outDir],
          sharpInMain: runsSharpInMain(plan),
          processStats: deps.processStats,
          signal,
          log: ctx.log,
          weatherRefresh: options.withWeather ? deps.refreshWeather : undefined,
          onProgress: (repeat, done, total) =>
            emit(
              'running',
              index,
              repeat,
              done,
              total,
              repeat === 0
                ? `${label}: warm-up`
                : `${label}: repeat ${repeat} of ${options.repeats}`
            ),
          onRepeat: store
        })
        store(result)
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
      repo.update(id, { verdict: runVerdict(options.workload, results, options.repeats) })
    } catch (error) {
      status = 'failed'
      note =
        error instanceof AppFailure
          ? error.message
          : `The run stopped: ${error instanceof Error ? error.message : String(error)}`
      ctx.log.warn('bench run failed', { id, error })
    } finally {
      await server?.close()
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
