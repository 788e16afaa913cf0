import type { ActivitySample, ProcessSample } from '@shared/contract'
import type { ChartSeries } from '../../components/LineChart'

const MOST_LAYERS = 8
const kindOrder: Record<ProcessSample['kind'], number> = {
  main: 0,
  worker: 1,
  renderer: 2,
  gpu: 3,
  utility: 4,
  other: 5
}

/** Workers share one hue, lighter for each further worker, so the stack reads as a group. */
function colourOf(kind: ProcessSample['kind'], nth: number): string {
  if (kind === 'main') return 'var(--chart-1)'
  if (kind === 'worker')
    return nth === 0
      ? 'var(--chart-2)'
      : `color-mix(in srgb, var(--chart-2) ${Math.max(40, 100 - nth * 15)}%, var(--panel))`
  if (kind === 'renderer') return 'var(--chart-3)'
  return 'var(--chart-4)'
}

/**
 * One stacked layer per process (by name, so a worker restarted under a new pid stays one
 * layer), main first, then workers, the rest folded into "other" past a handful.
 */
export function processSeries(
  samples: readonly ActivitySample[],
  pick: (p: ProcessSample) => number
): ChartSeries[] {
  const kinds = new Map<string, ProcessSample['kind']>()
  for (const s of samples) for (const p of s.processes) kinds.set(p.name, p.kind)
  const names = [...kinds.keys()].sort(
    (a, b) =>
      kindOrder[kinds.get(a)!] - kindOrder[kinds.get(b)!] ||
      a.localeCompare(b, undefined, { numeric: true })
  )
  const own = names.slice(0, MOST_LAYERS - 1)
  const folded = new Set(names.slice(MOST_LAYERS - 1))
  const valuesFor = (match: (name: string) => boolean): number[] =>
    samples.map((s) => s.processes.reduce((sum, p) => (match(p.name) ? sum + pick(p) : sum), 0))
  const counts = new Map<ProcessSample['kind'], number>()
  const series: ChartSeries[] = own.map((name) => {
    const kind = kinds.get(name)!
    const nth = counts.get(kind) ?? 0
    counts.set(kind, nth + 1)
    return { label: name, color: colourOf(kind, nth), values: valuesFor((n) => n === name) }
  })
  if (folded.size)
    series.push({ label: 'other', color: 'var(--muted)', values: valuesFor((n) => folded.has(n)) })
  return series
}
