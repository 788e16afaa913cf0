/** A round axis maximum at or above `value` (1, 2, 2.5, 5 × a power of ten). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude
  return 10 * magnitude
}

/** Axis ticks: 0, half and the maximum (enough for a small chart, and always round). */
export const valueTicks = (max: number): number[] => [0, max / 2, max]

/** A value for an axis label: no trailing zeros, thousands kept short. */
export function tickText(value: number): string {
  if (value >= 10_000) return `${Math.round(value / 1000)}k`
  if (value >= 100 || Number.isInteger(value)) return String(Math.round(value))
  return String(Number(value.toFixed(1)))
}

const TIME_STEPS_S = [5, 10, 15, 30, 60, 120, 300]

/** Time ticks back from the right edge ("now" or the pause), about four across the span. */
export function timeTicks(spanMs: number): { agoMs: number; label: string }[] {
  const spanS = spanMs / 1000
  const step = TIME_STEPS_S.find((s) => spanS / s <= 4) ?? 300
  const ticks: { agoMs: number; label: string }[] = []
  for (let ago = 0; ago <= spanS + 1e-6; ago += step)
    ticks.push({ agoMs: ago * 1000, label: ago === 0 ? 'now' : agoText(ago) })
  return ticks
}

export const agoText = (seconds: number): string =>
  seconds >= 60 && seconds % 60 === 0
    ? `−${seconds / 60} min`
    : seconds >= 60
      ? `−${(seconds / 60).toFixed(1)} min`
      : `−${Math.round(seconds)} s`
