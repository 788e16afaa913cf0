import { z } from 'zod'
import { none } from './app'
import {
  machineSchema,
  mainMemorySchema,
  rendererFiguresSchema,
  repeatResultSchema,
  sampleParamsSchema,
  strategySummarySchema
} from './bench-figures'
import { event, request } from './define'

export * from './bench-figures'

/**
 * "Test both" has two workloads. 'images': the same image batch run in main, on threads and in
 * worker processes. 'download': the seed's hybrid, N images fetched from a loopback server with
 * latency, then processed: one at a time, all downloads first, or pipelined into the pool.
 */
export const workloads = ['images', 'download'] as const
export type Workload = (typeof workloads)[number]

export const workloadLabels: Record<Workload, string> = {
  images: 'Process images',
  download: 'Download and process'
}

export const strategies = [
  'in-main',
  'threads',
  'processes',
  'one-at-a-time',
  'download-first',
  'pipeline'
] as const
export type Strategy = (typeof strategies)[number]

export const strategyLabels: Record<Strategy, string> = {
  'in-main': 'Main process (async sharp)',
  threads: 'Worker threads in main',
  processes: 'Worker processes',
  'one-at-a-time': 'One at a time (download, then process)',
  'download-first': 'All downloads first, then processes',
  pipeline: 'Pipeline: downloads feed the processes'
}

/** Each workload's baseline: speed-ups and verdicts are measured against it. */
export const baselineStrategy: Record<Workload, Strategy> = {
  images: 'in-main',
  download: 'one-at-a-time'
}

/** Repeats per strategy when a request does not say (each after one warm-up pass). */
export const DEFAULT_REPEATS = 3
export const MAX_REPEATS = 10
/** The loopback image server's delay before each answer ("Download and process"). */
export const DEFAULT_DOWNLOAD_LATENCY_MS = 150

export const strategyPlanSchema = z.object({
  strategy: z.enum(strategies),
  workers: z.number().int().min(1).max(64)
})
export type StrategyPlan = z.infer<typeof strategyPlanSchema>

/**
 * One strategy of a run. Its figures are the medians over its repeats; `summary` has median,
 * min and max of each. The fields added with repeats are optional only because runs stored
 * before them lack them: main always sets them.
 */
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
  note: z.string(),
  /** Every measured pass, in order. */
  repeats: z.array(repeatResultSchema).optional(),
  summary: strategySummarySchema.nullable().optional(),
  /** Main's RSS before and after this strategy (the after figure is what main retained). */
  memory: mainMemorySchema.nullable().optional()
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
  note: z.string(),
  workload: z.enum(workloads).optional(),
  /** Measured passes per strategy (older runs: one). */
  repeats: z.number().int().positive().optional(),
  /** What the run showed, in one or two computed sentences; null until it has results. */
  verdict: z.string().nullable().optional(),
  machine: machineSchema.nullable().optional(),
  sample: sampleParamsSchema.nullable().optional()
})
export type BenchRun = z.infer<typeof benchRunSchema>

export const benchProgressSchema = z.object({
  runId: z.number().int().positive(),
  phase: z.enum(['preparing', 'running', 'finished']),
  /** Index into plans of the strategy running now. */
  index: z.number().int().nonnegative(),
  plans: z.array(strategyPlanSchema),
  workload: z.enum(workloads).optional(),
  /** The pass running now: 0 is the warm-up (not measured), then 1…repeats. */
  repeat: z.number().int().nonnegative().optional(),
  repeats: z.number().int().positive().optional(),
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
        withWeather: z.boolean(),
        /** Measured passes per strategy, after one warm-up; default DEFAULT_REPEATS. */
        repeats: z.number().int().min(1).max(MAX_REPEATS).optional(),
        workload: z.enum(workloads).optional(),
        /** "Download and process": the loopback server's delay per image. */
        latencyMs: z.number().int().min(0).max(5000).optional()
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
        /** The pass measured (1-based); without it, the figures span all of the strategy's. */
        repeat: z.number().int().positive().optional(),
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
