import { z } from 'zod'
import { none } from './app'
import { event, request } from './define'

export const processKinds = ['main', 'renderer', 'worker', 'gpu', 'utility', 'other'] as const

export const processSampleSchema = z.object({
  pid: z.number().int(),
  kind: z.enum(processKinds),
  name: z.string().max(100),
  /** Percent of one core, averaged since the previous sample. */
  cpuPercent: z.number().nonnegative(),
  rssMb: z.number().nonnegative()
})
export type ProcessSample = z.infer<typeof processSampleSchema>

export const poolSampleSchema = z.object({
  workers: z.number().int().nonnegative(),
  busy: z.number().int().nonnegative(),
  inFlight: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative()
})
export type PoolSample = z.infer<typeof poolSampleSchema>

export const networkSampleSchema = z.object({
  inFlight: z.array(
    z.object({
      host: z.string().max(200),
      label: z.string().max(200),
      ageMs: z.number().nonnegative()
    })
  ),
  /** Requests finished since the previous sample. */
  finished: z.array(
    z.object({ host: z.string().max(200), ms: z.number().nonnegative(), ok: z.boolean() })
  )
})
export type NetworkSample = z.infer<typeof networkSampleSchema>

export const loopSampleSchema = z.object({
  /** Main event-loop delay over the window, the sampling interval subtracted. */
  p99Ms: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
  meanMs: z.number().nonnegative()
})
export type LoopSample = z.infer<typeof loopSampleSchema>

/** The same figures over a whole span (a watcher's lease): one histogram, not per window. */
export const loopSpanSchema = loopSampleSchema.extend({
  samples: z.number().int().nonnegative(),
  forMs: z.number().nonnegative()
})
export type LoopSpan = z.infer<typeof loopSpanSchema>

/** Main's thread over the window, from the kernel (Linux /proc schedstat); null elsewhere. */
export const schedSampleSchema = z.object({
  /** Milliseconds per second main's thread ran (JavaScript, and native work on that thread). */
  busyMsPerS: z.number().nonnegative(),
  /** Milliseconds per second it was ready to run but waited for a CPU (the run queue). */
  runqueueWaitMsPerS: z.number().nonnegative()
})
export type SchedSample = z.infer<typeof schedSampleSchema>

/**
 * Each live series' budget line: a sample above it is a breach, marked and counted. The loop
 * line is the Live view's 20 ms; max and waiting follow issue 12's targets (max ≤ 60 ms, and a
 * tenth of each second spent waiting for a CPU is where a 2-core machine starts to show it).
 */
export const activityBudgets = {
  loopP99Ms: 20,
  loopMaxMs: 60,
  runqueueWaitMsPerS: 100
} as const
export type BudgetSeries = keyof typeof activityBudgets
export const budgetSeries = Object.keys(activityBudgets) as BudgetSeries[]

/** Breaches per series over the history main keeps (the last five minutes). */
export const breachCountsSchema = z.object({
  loopP99Ms: z.number().int().nonnegative(),
  loopMaxMs: z.number().int().nonnegative(),
  runqueueWaitMsPerS: z.number().int().nonnegative()
})
export type BreachCounts = z.infer<typeof breachCountsSchema>

export const activitySampleSchema = z.object({
  at: z.number(),
  windowMs: z.number().positive(),
  loop: loopSampleSchema,
  /** Optional only for samples made before it existed; main always sets it. */
  sched: schedSampleSchema.nullable().optional(),
  breaches: breachCountsSchema.optional(),
  processes: z.array(processSampleSchema),
  /** Whether per-process figures include the renderer (Electron) or only main and workers. */
  rendererMeasured: z.boolean(),
  pool: poolSampleSchema.nullable(),
  network: networkSampleSchema
})
export type ActivitySample = z.infer<typeof activitySampleSchema>

export const activityRequests = {
  /**
   * Main samples from the start (2 Hz, kept for activity:history); the samples are pushed as
   * activity:sample events only while at least one view watches.
   */
  'activity:watch': request(
    /** Each watcher (a view, a benchmark) names itself; sampling runs while any lease is live. */
    z.object({ watcher: z.string().min(1).max(64), watching: z.boolean() }).strict(),
    z.object({
      watchers: z.number().int().nonnegative(),
      /** Main's event-loop delay since this watcher began watching (final when it stops). */
      loop: loopSpanSchema.nullable()
    })
  ),
  'activity:snapshot': request(none, activitySampleSchema.nullable()),
  /**
   * What main kept while nobody watched: the last five minutes of samples (2 Hz, oldest
   * first), so a view opened mid-import starts with its history.
   */
  'activity:history': request(
    none,
    z.object({
      periodMs: z.number().positive(),
      /** The most samples kept (the history's length in samples). */
      capacity: z.number().int().positive(),
      budgets: z.object({
        loopP99Ms: z.number(),
        loopMaxMs: z.number(),
        runqueueWaitMsPerS: z.number()
      }),
      samples: z.array(activitySampleSchema)
    })
  )
}

export const activityEvents = {
  'activity:sample': event(activitySampleSchema)
}
