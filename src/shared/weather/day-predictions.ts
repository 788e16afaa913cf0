import { daysBetween, fixedDateKey, type DateKey } from './zoned-time'

/** What one report predicted for each day it covers, keyed by date and lead time. */
export interface DayPrediction {
  date: DateKey
  /** Days between the report's fetch and the day, both at the report's fixed offset: 0 = same day. */
  leadDays: number
  high: number | null
  low: number | null
  /** The day's highest hourly chance of rain, %. */
  precipitationProbability: number | null
  precipitationSum: number | null
  weatherCode: number | null
}

/** The daily block as stored; read loosely, since old rows are read in a migration too. */
export interface DailyLike {
  readonly time: readonly number[]
  readonly temperature_2m_max?: readonly (number | null)[]
  readonly temperature_2m_min?: readonly (number | null)[]
  readonly precipitation_probability_max?: readonly (number | null)[]
  readonly precipitation_sum?: readonly (number | null)[]
  readonly weather_code?: readonly (number | null)[]
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * A report's predictions, one per day from its fetch day on. Dates are read at the answer's
 * fixed offset, as Open-Meteo aggregated them; so is the fetch day, so the lead is whole days.
 */
export function dayPredictions(
  daily: DailyLike,
  utcOffsetSeconds: number,
  fetchedAtMs: number
): DayPrediction[] {
  const issued = fixedDateKey(Math.floor(fetchedAtMs / 1000), utcOffsetSeconds)
  const out: DayPrediction[] = []
  daily.time.forEach((t, i) => {
    const date = fixedDateKey(t, utcOffsetSeconds)
    const leadDays = daysBetween(issued, date)
    if (leadDays < 0) return
    out.push({
      date,
      leadDays,
      high: num(daily.temperature_2m_max?.[i]),
      low: num(daily.temperature_2m_min?.[i]),
      precipitationProbability: num(daily.precipitation_probability_max?.[i]),
      precipitationSum: num(daily.precipitation_sum?.[i]),
      weatherCode: num(daily.weather_code?.[i])
    })
  })
  return out
}
