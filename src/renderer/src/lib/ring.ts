/** Appends to a fixed-length series, dropping the oldest: what live charts draw from. */
export function pushRing<T>(series: readonly T[], value: T, capacity: number): T[] {
  const next =
    series.length >= capacity ? series.slice(series.length - capacity + 1) : series.slice()
  next.push(value)
  return next
}

/** The q-quantile (0..1) of some numbers; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index]!
}
