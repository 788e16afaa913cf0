import { AppFailure, type BenchChannel } from '@shared/contract'
import type { Service, ServiceContext } from '../core/service'
import { benchHandlers, type BenchRuns } from './bench-handlers'
import { benchRunner, type BenchDeps } from './bench-runner'
import { BenchRunRepository } from './store/bench-run-repository'

export type { BenchDeps } from './bench-runner'

/** "Test both": runs the same batch under each strategy, one at a time, and stores the results. */
export function setupBench(ctx: ServiceContext, deps: BenchDeps): Service<BenchChannel> {
  const repo = new BenchRunRepository(ctx.db)
  let active: { id: number; abort: AbortController; done: Promise<void> } | null = null

  const execute = benchRunner(ctx, deps, repo)

  const runs: BenchRuns = {
    repo,
    begin(sample, plans, options) {
      if (active)
        throw new AppFailure(
          'conflict',
          'A comparison is already running; cancel it or wait for it to finish.'
        )
      const id = repo.create({
        startedAt: ctx.now(),
        sampleLabel: sample.kind === 'generated' ? `${sample.count} generated photos` : 'Folder',
        files: 0,
        jsStage: options.jsStage,
        withWeather: options.withWeather,
        plans,
        workload: options.workload,
        repeats: options.repeats
      })
      const abort = new AbortController()
      const done = execute(id, sample, plans, options, abort.signal).finally(() => {
        active = null
      })
      active = { id, abort, done }
      return id
    },
    cancel(runId) {
      if (active?.id !== runId) return false
      active.abort.abort()
      return true
    }
  }

  return {
    handlers: benchHandlers(runs, ctx.grants),
    start() {
      repo.markInterrupted(ctx.now())
    },
    async close() {
      active?.abort.abort()
      await active?.done
    }
  }
}
