import { speedups } from '@shared/activity/export'
import type { BenchRun, MachineInfo, StrategyResult, StrategySummary } from '@shared/contract'
import { round } from './report'

/** The figures bench:strategies reports, by their JSON names, from a strategy's summary. */
const figures: Record<string, keyof StrategySummary> = {
  per_s: 'perSecond',
  wall_ms: 'wallMs',
  loop_delay_p99_ms: 'loopP99Ms',
  loop_delay_max_ms: 'loopMaxMs',
  weather_latency_p99_ms: 'weatherP99Ms',
  peak_main_rss_mb: 'peakMainRssMb',
  peak_worker_rss_mb: 'peakWorkerRssMb',
  end_main_rss_mb: 'endMainRssMb'
}

function pick(summary: StrategySummary | null | undefined, which: 'median' | 'min' | 'max') {
  return Object.fromEntries(
    Object.entries(figures).map(([name, key]) => [name, round(summary?.[key]?.[which], 2)])
  )
}

/** A strategy's label in the table and its key in the JSON. */
export const strategyKey = (r: StrategyResult): string =>
  r.strategy === 'threads' || r.strategy === 'processes' ? `${r.strategy}-${r.workers}` : r.strategy

/** One strategy as JSON: the medians as before, their ranges, main's memory and every repeat. */
export function strategyJson(r: StrategyResult, speedup: number | null) {
  return {
    workers: r.workers,
    per_s: round(r.perSecond, 3),
    speedup: round(speedup, 3),
    loop_delay_p99_ms: round(r.loopP99Ms, 2),
    loop_delay_max_ms: round(r.loopMaxMs, 2),
    weather_latency_p99_ms: round(r.weatherP99Ms, 1),
    peak_rss_mb: { main: round(r.peakMainRssMb, 0), worker_max: round(r.peakWorkerRssMb, 0) },
    median: pick(r.summary, 'median'),
    min: pick(r.summary, 'min'),
    max: pick(r.summary, 'max'),
    rss_before_mb: round(r.memory?.beforeMb, 0),
    retained_rss_mb: round(r.memory?.afterMb, 0),
    memory_released: r.memory?.released ?? null,
    repeats: (r.repeats ?? []).map((p) => ({
      repeat: p.repeat,
      per_s: round(p.perSecond, 3),
      wall_ms: round(p.wallMs, 0),
      loop_delay_p99_ms: round(p.loopP99Ms, 2),
      loop_delay_max_ms: round(p.loopMaxMs, 2),
      weather_latency_p99_ms: round(p.weatherP99Ms, 1),
      peak_main_rss_mb: round(p.peakMainRssMb, 0),
      peak_worker_rss_mb: round(p.peakWorkerRssMb, 0),
      status: p.status
    })),
    status: r.status
  }
}

/** Each strategy of a run under its key; plus `processes` (the most workers) as before. */
export function strategiesJson(run: BenchRun): Record<string, unknown> {
  const ups = speedups(run)
  const out: Record<string, unknown> = {}
  run.results.forEach((r, i) => {
    const entry = strategyJson(r, ups[i] ?? null)
    out[strategyKey(r)] = entry
    if (r.strategy === 'threads') out.threads = entry
  })
  const lastProcesses = run.results.filter((r) => r.strategy === 'processes').at(-1)
  if (lastProcesses) out.processes = out[strategyKey(lastProcesses)]
  return out
}

export function machineJson(m: MachineInfo | null | undefined) {
  if (!m) return null
  return {
    cores: m.cores,
    cpu_model: m.cpuModel,
    memory_mb: m.memoryMb,
    os: m.os,
    arch: m.arch,
    load_average_before: m.loadAverage.map((x) => round(x, 2)),
    app_version: m.appVersion,
    versions: m.versions
  }
}

const range = (s: { median: number; min: number; max: number } | null | undefined, d = 1) =>
  s ? `${round(s.median, d)} (${round(s.min, d)}–${round(s.max, d)})` : ''

/** The table's rows: each figure as median (min–max). */
export function tableRows(run: BenchRun) {
  const ups = speedups(run)
  return run.results.map((r, i) => ({
    strategy: strategyKey(r),
    per_s: range(r.summary?.perSecond, 2),
    speedup: round(ups[i], 2) ?? '',
    loop_p99_ms: range(r.summary?.loopP99Ms),
    weather_p99_ms: range(r.summary?.weatherP99Ms, 0),
    main_peak_mb: round(r.peakMainRssMb, 0)!,
    main_before_after_mb: r.memory
      ? `${round(r.memory.beforeMb, 0)} → ${round(r.memory.afterMb, 0)}`
      : '',
    worker_peak_mb: round(r.peakWorkerRssMb, 0) ?? '',
    status: r.status
  }))
}
