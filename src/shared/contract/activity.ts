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

export const activitySampleSchema = z.object({
  at: z.number(),
  windowMs: z.number().positive(),
  loop: loopSampleSchema,
  processes: z.array(processSampleSchema),
  /** Whether per-process figures include the renderer (Electron) or only main and workers. */
  rendererMeasured: z.boolean(),
  pool: poolSampleSchema.nullable(),
  network: networkSampleSchema
})
export type ActivitySample = z.infer<typeof activitySampleSchema>

export const activityRequests = {
  /** Samples flow (as activity:sample events) only while at least one view watches. */
  'activity:watch': request(
    /** Each watcher (a view, a benchmark) names itself; sampling runs while any lease is live. */
    z.object({ watcher: z.string().min(1).max(64), watching: z.boolean() }).strict(),
    z.object({
      watchers: z.number().int().nonnegative(),
      /** Main's event-loop delay since this watcher began watching (final when it stops). */
      loop: loopSpanSchema.nullable()
    })
  ),
  'activity:snapshot': request(none, activitySampleSchema.nullable())
}

export const activityEvents = {
  'activity:sample': event(activitySampleSchema)
}
