import type { ActivitySample, BreachCounts, BudgetSeries } from '@shared/contract'

/** Finished requests kept per sample in the history: a burst must not grow it unbounded. */
export const HISTORY_FINISHED_PER_SAMPLE = 100

/** The copy of a sample the history keeps: the same, with its finished requests capped. */
export function forHistory(sample: ActivitySample): ActivitySample {
  const finished = sample.network.finished
  return finished.length <= HISTORY_FINISHED_PER_SAMPLE
    ? sample
    : {
        ...sample,
        network: { ...sample.network, finished: finished.slice(-HISTORY_FINISHED_PER_SAMPLE) }
      }
}

/** The value a series' budget line is drawn against; null where it was not measured. */
export function seriesValue(sample: ActivitySample, series: BudgetSeries): number | null {
  if (series === 'loopP99Ms') return sample.loop.p99Ms
  if (series === 'loopMaxMs') return sample.loop.maxMs
  return sample.sched?.runqueueWaitMsPerS ?? null
}

/** How many samples went over each series' budget line. */
export function breachesIn(
  samples: readonly ActivitySample[],
  budgets: Readonly<Record<BudgetSeries, number>>
): BreachCounts {
  const counts: BreachCounts = { loopP99Ms: 0, loopMaxMs: 0, runqueueWaitMsPerS: 0 }
  for (const s of samples)
    for (const series of Object.keys(counts) as BudgetSeries[]) {
      const value = seriesValue(s, series)
      if (value !== null && value > budgets[series]) counts[series]++
    }
  return counts
}
