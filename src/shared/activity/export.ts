import { strategyLabels, type BenchRun } from '../contract/bench'

const columns = [
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
  'note'
] as const

/** Throughput relative to the in-main strategy of the same run; null without one. */
export function speedups(run: BenchRun): (number | null)[] {
  const base = run.results.find((r) => r.strategy === 'in-main' && r.processed > 0)
  return run.results.map((r) => (base && base.perSecond > 0 ? r.perSecond / base.perSecond : null))
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per strategy, RFC 4180 quoting. */
export function runToCsv(run: BenchRun): string {
  const ups = speedups(run)
  const rows = run.results.map((r, i) =>
    [
      strategyLabels[r.strategy],
      r.workers,
      r.status,
      r.files,
      r.processed,
      r.failed,
      r.wallMs,
      r.perSecond,
      ups[i],
      r.loopP99Ms,
      r.loopMaxMs,
      r.weatherP99Ms,
      r.renderer?.longTasks,
      r.renderer?.frameP99Ms,
      r.renderer?.inputP99Ms,
      r.peakMainRssMb,
      r.peakWorkerRssMb,
      r.note
    ]
      .map(cell)
      .join(',')
  )
  return [columns.join(','), ...rows].join('\r\n') + '\r\n'
}

export function runToJson(run: BenchRun): string {
  const ups = speedups(run)
  return JSON.stringify(
    { ...run, results: run.results.map((r, i) => ({ ...r, speedup: ups[i] })) },
    null,
    2
  )
}
