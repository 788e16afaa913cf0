import { availableParallelism } from 'node:os'
import { withRendererFigures } from '@shared/activity/bench-summary'
import { runToCsv, runToJson } from '@shared/activity/export'
import { AppFailure, type BenchChannel } from '@shared/contract'
import {
  DEFAULT_DOWNLOAD_LATENCY_MS,
  DEFAULT_REPEATS,
  type BenchRun,
  type BenchSample,
  type StrategyPlan,
  type Workload
} from '@shared/contract/bench'
import type { Handlers } from '../platform/ipc/router'
import { requireGranted } from '../security/granted-paths'
import type { PathGrants } from '../security/path-grants'
import type { RunOptions } from './bench-runner'
import { downloadPlansFor } from './hybrid-runner'
import type { BenchRunRepository } from './store/bench-run-repository'

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

/** A run's settings, each request's omissions filled with the defaults. */
export function runOptions(
  jsStage: boolean,
  withWeather: boolean,
  more: { repeats?: number; workload?: Workload; latencyMs?: number }
): RunOptions {
  return {
    jsStage,
    withWeather,
    repeats: more.repeats ?? DEFAULT_REPEATS,
    workload: more.workload ?? 'images',
    latencyMs: more.latencyMs ?? DEFAULT_DOWNLOAD_LATENCY_MS
  }
}

export interface BenchRuns {
  readonly repo: BenchRunRepository
  /** Starts a run in the background; throws a conflict while another one runs. */
  begin(sample: BenchSample, plans: StrategyPlan[], options: RunOptions): number
  /** False when `runId` is not the run in progress. */
  cancel(runId: number): boolean
}

/** "Test both"'s requests, each checked against the contract; a folder must be granted. */
export function benchHandlers(runs: BenchRuns, grants: PathGrants): Handlers<BenchChannel> {
  const { repo } = runs
  const requireRun = (runId: number): BenchRun => {
    const run = repo.get(runId)
    if (!run) throw new AppFailure('not_found', 'That run is no longer stored.')
    return run
  }
  return {
    'bench:start': async ({ sample, maxWorkers, jsStage, withWeather, ...more }) => {
      const options = runOptions(jsStage, withWeather, more)
      const workers = maxWorkers ?? availableParallelism()
      const plans = options.workload === 'download' ? downloadPlansFor(workers) : plansFor(workers)
      const named =
        sample.kind === 'folder'
          ? { ...sample, path: (await requireGranted(grants, [sample.path]))[0]! }
          : sample
      return { runId: runs.begin(named, plans, options) }
    },
    'bench:cancel': ({ runId }) => ({ cancelled: runs.cancel(runId) }),
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
    'bench:renderer-report': ({ runId, index, repeat, figures }) => {
      const run = repo.get(runId)
      const result = run?.results[index]
      if (!run || !result) return { stored: false }
      const results = run.results.map((r, i) =>
        i === index ? withRendererFigures(r, repeat, figures) : r
      )
      repo.update(runId, { results })
      return { stored: true }
    }
  }
}
