/** A figure measured over repeats: the median and the range. */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly n: number
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length }
}

/** Two spreads differ clearly only when their ranges do not overlap. */
export const clearlyDifferent = (a: Spread, b: Spread): boolean => a.max < b.min || b.max < a.min

/** What a verdict compares: throughput (higher is better) and main's loop delay (lower is). */
export interface Contender {
  readonly label: string
  readonly throughput: Spread
  readonly loopP99Ms: Spread
}

const times = (x: number): string => `${x >= 10 ? Math.round(x) : x.toFixed(x >= 2 ? 1 : 2)}×`

/**
 * One sentence saying what a run showed of `candidate` against `base`, e.g. "Worker processes
 * kept the app 4.5× more responsive at 0.97× the speed of the main process." A dimension whose
 * ranges overlap is "no clear difference".
 */
export function verdictSentence(candidate: Contender, base: Contender): string {
  const who = candidate.label
  const than = base.label
  const respClear = clearlyDifferent(candidate.loopP99Ms, base.loopP99Ms)
  const speedClear = clearlyDifferent(candidate.throughput, base.throughput)
  if (!respClear && !speedClear)
    return `No clear difference between ${who.toLowerCase()} and ${than.toLowerCase()}: the repeats' ranges overlap in speed and in responsiveness.`
  const speedRatio = candidate.throughput.median / Math.max(base.throughput.median, 1e-9)
  const speed = speedClear
    ? `${times(speedRatio)} the speed of ${than.toLowerCase()}`
    : `no clear difference in speed from ${than.toLowerCase()}`
  if (!respClear) {
    return `${who} ran at ${times(speedRatio)} the speed of ${than.toLowerCase()}, with no clear difference in responsiveness.`
  }
  const better = candidate.loopP99Ms.median <= base.loopP99Ms.median
  const ratio = better
    ? base.loopP99Ms.median / Math.max(candidate.loopP99Ms.median, 1e-9)
    : candidate.loopP99Ms.median / Math.max(base.loopP99Ms.median, 1e-9)
  const resp = better
    ? `kept the app ${times(ratio)} more responsive`
    : `made the app ${times(ratio)} less responsive`
  return speedClear ? `${who} ${resp} at ${speed}.` : `${who} ${resp}, with ${speed}.`
}
