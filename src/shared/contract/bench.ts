import { z } from 'zod'
import { none } from './app'
import { event, request } from './define'

/** "Test both": the same image batch run three ways. */
export const strategies = ['in-main', 'threads', 'processes'] as const
export type Strategy = (typeof strategies)[number]

export const strategyLabels: Record<Strategy, string> = {
  'in-main': 'Main process (async sharp)',
  threads: 'Worker threads in main',
  processes: 'Worker processes'
}

export const strategyPlanSchema = z.object({
  strategy: z.enum(strategies),
  workers: z.number().int().min(1).max(64)
})
export type StrategyPlan = z.infer<typeof strategyPlanSchema>

/** Measured in the window itself while a strategy ran. */
export const rendererFiguresSchema = z.object({
  longTasks: z.number().int().nonnegative(),
  frameP99Ms: z.number().nonnegative(),
  /** Request-to-paint of a scripted interaction that needs the main process. */
  inputP99Ms: z.number().nonnegative()
})
export type RendererFigures = z.infer<typeof rendererFiguresSchema>

export const strategyResultSchema = z.object({
  strategy: z.enum(strategies),
  workers: z.number().int().positive(),
  files: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  wallMs: z.number().nonnegative(),
  perSecond: z.number().nonnegative(),
  loopP99Ms: z.number().nonnegative(),
  loopMaxMs: z.number().nonnegative(),
  weatherP99Ms: z.number().nonnegative().nullable(),
  weatherCount: z.number().int().nonnegative(),
  peakMainRssMb: z.number().nonnegative(),
  peakWorkerRssMb: z.number().nonnegative().nullable(),
  renderer: rendererFiguresSchema.nullable(),
  status: z.enum(['complete', 'partial', 'failed']),
  note: z.string()
})
export type StrategyResult = z.infer<typeof strategyResultSchema>

export const runStatuses = ['running', 'complete', 'partial', 'cancelled', 'failed'] as const

export const benchSampleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('generated'), count: z.number().int().min(4).max(1000) }),
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(8192) })
])
export type BenchSample = z.infer<typeof benchSampleSchema>

export const benchRunSchema = z.object({
  id: z.number().int().positive(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  status: z.enum(runStatuses),
  sampleLabel: z.string(),
  files: z.number().int().nonnegative(),
  jsStage: z.boolean(),
  withWeather: z.boolean(),
  plans: z.array(strategyPlanSchema),
  results: z.array(strategyResultSchema),
  note: z.string()
})
export type BenchRun = z.infer<typeof benchRunSchema>

export const benchProgressSchema = z.object({
  runId: z.number().int().positive(),
  phase: z.enum(['preparing', 'running', 'finished']),
  /** Index into plans of the strategy running now. */
  index: z.number().int().nonnegative(),
  plans: z.array(strategyPlanSchema),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  detail: z.string()
})
export type BenchProgress = z.infer<typeof benchProgressSchema>

const runId = z.object({ runId: z.number().int().positive() }).strict()

export const benchRequests = {
  'bench:start': request(
    z
      .object({
        sample: benchSampleSchema,
        /** Worker processes are tried with 1…maxWorkers; default one per core. */
        maxWorkers: z.number().int().min(1).max(64).optional(),
        jsStage: z.boolean(),
        withWeather: z.boolean()
      })
      .strict(),
    z.object({ runId: z.number().int().positive() })
  ),
  'bench:cancel': request(runId, z.object({ cancelled: z.boolean() })),
  'bench:runs': request(none, z.object({ runs: z.array(benchRunSchema) })),
  'bench:run': request(runId, benchRunSchema),
  'bench:export': request(
    z.object({ runId: z.number().int().positive(), format: z.enum(['csv', 'json']) }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), text: z.string() })
  ),
  'bench:renderer-report': request(
    z
      .object({
        runId: z.number().int().positive(),
        index: z.number().int().nonnegative(),
        figures: rendererFiguresSchema
      })
      .strict(),
    z.object({ stored: z.boolean() })
  )
}

export const benchEvents = {
  'bench:progress': event(benchProgressSchema),
  'bench:finished': event(benchRunSchema)
}
