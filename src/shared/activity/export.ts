import {
  baselineStrategy,
  strategyLabels,
  workloadLabels,
  type BenchRun,
  type RepeatResult,
  type StrategyResult
} from '../contract/bench'

/** Throughput relative to the workload's baseline (in main; one at a time); null without one. */
export function speedups(run: BenchRun): (number | null)[] {
  const base = baselinePerSecond(run)
  return run.results.map((r) => (base ? r.perSecond / base : null))
}

/** The baseline's (median) throughput; null when it did not run or processed nothing. */
function baselinePerSecond(run: BenchRun): number | null {
  const baseline = baselineStrategy[run.workload ?? 'images']
  const base = run.results.find((r) => r.strategy === baseline && r.processed > 0)
  return base && base.perSecond > 0 ? base.perSecond : null
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The columns of one measured pass; the first nine are those of the one-pass export. */
const figureColumns = [
  'strategy',
  'workers',
  'status',
  'files',
  'processed',
  'failed',
  'wall_ms',
  'per_s',
  'speedup',
  'loop_delay_p99_ms',
  'loop_delay_max_ms',
  'weather_latency_p99_ms',
  'renderer_long_tasks',
  'renderer_frame_p99_ms',
  'renderer_input_p99_ms',
  'peak_main_rss_mb',
  'peak_worker_rss_mb',
  'note',
  'repeat',
  'repeats',
  'main_rss_before_mb',
  'main_rss_retained_mb',
  'memory_released'
] as const

/** The run's context, the same on every row so each row stands alone (tidy data). */
const contextColumns = [
  'run_id',
  'started_at',
  'workload',
  'js_stage',
  'with_weather',
  'sample',
  'sample_files',
  'sample_size',
  'sample_quality',
  'warmup_files',
  'download_latency_ms',
  'download_concurrency',
  'machine_cores',
  'machine_cpu',
  'machine_memory_mb',
  'machine_os',
  'machine_arch',
  'load_avg_1m',
  'load_avg_5m',
  'load_avg_15m',
  'app_version',
  'electron',
  'node',
  'chromium',
  'v8',
  'libvips',
  'sharp'
] as const

function contextCells(run: BenchRun): unknown[] {
  const m = run.machine
  const s = run.sample
  return [
    run.id,
    new Date(run.startedAt).toISOString(),
    workloadLabels[run.workload ?? 'images'],
    run.jsStage,
    run.withWeather,
    s?.label ?? run.sampleLabel,
    s?.files ?? run.files,
    s?.generated ? `${s.generated.width}x${s.generated.height}` : null,
    s?.generated?.quality,
    s?.warmupFiles,
    s?.download?.latencyMs,
    s?.download?.concurrency,
    m?.cores,
    m?.cpuModel,
    m?.memoryMb,
    m?.os,
    m?.arch,
    m?.loadAverage[0],
    m?.loadAverage[1],
    m?.loadAverage[2],
    m?.appVersion,
    m?.versions.electron,
    m?.versions.node,
    m?.versions.chromium,
    m?.versions.v8,
    m?.versions.vips,
    m?.versions.sharp
  ]
}

/** A stored one-pass run (before repeats) reads as its only repeat. */
const passesOf = (r: StrategyResult): RepeatResult[] =>
  r.repeats?.length
    ? r.repeats
    : [{ ...r, repeat: 1, endMainRssMb: r.peakMainRssMb, renderer: r.renderer }]

/**
 * One row per measured pass (every repeat of every strategy), RFC 4180 quoting; each row also
 * carries the run's sample, machine and versions, so any row read alone says where it came from.
 */
export function runToCsv(run: BenchRun): string {
  const base = baselinePerSecond(run)
  const rows = run.results.flatMap((r) =>
    passesOf(r).map((p) =>
      [
        strategyLabels[r.strategy],
        r.workers,
        p.status,
        r.files,
        p.processed,
        p.failed,
        p.wallMs,
        p.perSecond,
        // This pass against the baseline's median pass.
        base ? p.perSecond / base : null,
        p.loopP99Ms,
        p.loopMaxMs,
        p.weatherP99Ms,
        (p.renderer ?? r.renderer)?.longTasks,
        (p.renderer ?? r.renderer)?.frameP99Ms,
        (p.renderer ?? r.renderer)?.inputP99Ms,
        p.peakMainRssMb,
        p.peakWorkerRssMb,
        p.note,
        p.repeat,
        run.repeats ?? 1,
        r.memory?.beforeMb,
        r.memory?.afterMb,
        r.memory?.released,
        ...contextCells(run)
      ]
        .map(cell)
        .join(',')
    )
  )
  return [[...figureColumns, ...contextColumns].join(','), ...rows].join('\r\n') + '\r\n'
}

/** The whole run: machine, versions, sample parameters, verdict, every repeat and summaries. */
export function runToJson(run: BenchRun): string {
  const ups = speedups(run)
  return JSON.stringify(
    {
      format: 'skyfolio-test-both/2',
      ...run,
      results: run.results.map((r, i) => ({ ...r, speedup: ups[i] }))
    },
    null,
    2
  )
}
