import { extent } from '@shared/weather/series'

export interface TempAxis {
  lo: number
  hi: number
  /** Grid lines, every `step` degrees from lo to hi. */
  ticks: number[]
}

/**
 * A temperature axis for the weather charts: round bounds a degree beyond the data, at least
 * two steps tall so a flat day is not magnified, with a grid line per step.
 */
export function tempAxis(values: readonly (number | null)[], step = 5): TempAxis {
  const [min, max] = extent(values) ?? [0, 10]
  const lo = Math.floor((min - 1) / step) * step
  const hi = Math.max(lo + step * 2, Math.ceil((max + 1) / step) * step)
  const ticks: number[] = []
  for (let v = lo; v <= hi; v += step) ticks.push(v)
  return { lo, hi, ticks }
}

/** SVG path data through the non-null points; a gap starts a new run. */
export function linePath(
  values: readonly (number | null)[],
  x: (i: number) => number,
  y: (v: number) => number
): string {
  let d = ''
  let pen = false
  values.forEach((v, i) => {
    if (v === null) {
      pen = false
      return
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`
    pen = true
  })
  return d
}
