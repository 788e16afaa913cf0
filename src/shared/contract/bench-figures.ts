import { z } from 'zod'

/** Measured in the window itself while a strategy ran. */
export const rendererFiguresSchema = z.object({
  longTasks: z.number().int().nonnegative(),
  frameP99Ms: z.number().nonnegative(),
  /** Request-to-paint of a scripted interaction that needs the main process. */
  inputP99Ms: z.number().nonnegative()
})
export type RendererFigures = z.infer<typeof rendererFiguresSchema>

/** One measured pass of one strategy over the whole batch (a warm-up pass is not kept). */
export const repeatResultSchema = z.object({
  /** 1-based. */
  repeat: z.number().int().positive(),
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
  /** Main's RSS when the pass ended (its workers still up). */
  endMainRssMb: z.number().nonnegative(),
  renderer: rendererFiguresSchema.nullable(),
  status: z.enum(['complete', 'partial', 'failed']),
  note: z.string()
})
export type RepeatResult = z.infer<typeof repeatResultSchema>

/** A figure over the repeats: median and range (see @shared/activity/verdict). */
export const spreadSchema = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  n: z.number().int().positive()
})

/** Every figure a strategy is judged by, over its complete repeats; null where none was measured. */
export const strategySummarySchema = z.object({
  perSecond: spreadSchema.nullable(),
  wallMs: spreadSchema.nullable(),
  loopP99Ms: spreadSchema.nullable(),
  loopMaxMs: spreadSchema.nullable(),
  weatherP99Ms: spreadSchema.nullable(),
  frameP99Ms: spreadSchema.nullable(),
  inputP99Ms: spreadSchema.nullable(),
  peakMainRssMb: spreadSchema.nullable(),
  peakWorkerRssMb: spreadSchema.nullable(),
  /** Main's RSS as each pass ended: rising across repeats is memory main keeps. */
  endMainRssMb: spreadSchema.nullable().optional()
})
export type StrategySummary = z.infer<typeof strategySummarySchema>
export type SummaryFigure = keyof StrategySummary

/**
 * Main's memory around one strategy: before it started and after it ended (workers closed, and
 * when it ran sharp inside main, sharp's cache given back). `afterMb` is what main retained.
 */
export const mainMemorySchema = z.object({
  beforeMb: z.number().nonnegative(),
  afterMb: z.number().nonnegative(),
  /** Whether libvips ran inside main's process (in main, or on its worker threads). */
  sharpInMain: z.boolean(),
  /** What was done to give memory back, in words (shown and exported). */
  released: z.string()
})
export type MainMemory = z.infer<typeof mainMemorySchema>

/** The machine and software a run was measured on, taken as the run began. */
export const machineSchema = z.object({
  cores: z.number().int().positive(),
  cpuModel: z.string(),
  memoryMb: z.number().nonnegative(),
  os: z.string(),
  arch: z.string(),
  /** 1, 5 and 15 minute load averages before the run (zeros where the OS has none). */
  loadAverage: z.array(z.number()).length(3),
  appVersion: z.string().nullable(),
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    /** Electron's Chromium; null under the headless host, whose browser main cannot see. */
    chromium: z.string().nullable(),
    v8: z.string(),
    vips: z.string().nullable(),
    sharp: z.string().nullable()
  })
})
export type MachineInfo = z.infer<typeof machineSchema>

/** The parameters of a run's sample, so a reader can make the same one again. */
export const sampleParamsSchema = z.object({
  kind: z.enum(['generated', 'folder']),
  label: z.string(),
  files: z.number().int().nonnegative(),
  /** Generated photos: their size, JPEG quality and generator version. */
  generated: z
    .object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      quality: z.number().int().positive(),
      version: z.number().int().positive()
    })
    .nullable(),
  /** Files per warm-up pass (not measured) before each strategy's repeats. */
  warmupFiles: z.number().int().nonnegative(),
  /** "Download and process": the loopback server's latency and downloads at once. */
  download: z
    .object({
      latencyMs: z.number().int().nonnegative(),
      concurrency: z.number().int().positive()
    })
    .nullable()
})
export type SampleParams = z.infer<typeof sampleParamsSchema>
