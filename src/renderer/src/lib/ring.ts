export { quantileOf as quantile } from '@shared/activity/stats'

/** Appends to a fixed-length series, dropping the oldest: what live charts draw from. */
export function pushRing<T>(series: readonly T[], value: T, capacity: number): T[] {
  const next =
    series.length >= capacity ? series.slice(series.length - capacity + 1) : series.slice()
  next.push(value)
  return next
}
