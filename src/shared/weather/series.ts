import type { AirQualityLocation, Daily, ForecastLocation, Hourly } from './forecast-schema'
import { dayIndexOn, localDateKey } from './zoned-time'

const HOUR = 3600

/** Index of the hour containing `atSec`, or -1 when the series does not cover it. */
export function hourIndexAt(time: readonly number[], atSec: number): number {
  if (time.length === 0) return -1
  const first = time[0]!
  const last = time[time.length - 1]!
  if (atSec < first || atSec >= last + HOUR) return -1
  // Hourly series are regular; a binary search keeps odd ones (DST, gaps) correct too.
  let lo = 0
  let hi = time.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (time[mid]! <= atSec) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Index of the daily entry for the place's calendar date at `atSec`, in its IANA zone: right on
 * the evening of an autumn clock change, when a fixed offset already reads the next day.
 */
export function localDayIndex(
  f: Pick<ForecastLocation, 'daily' | 'timezone' | 'utc_offset_seconds'>,
  atSec: number
): number {
  const zone = { timezone: f.timezone, utcOffsetSeconds: f.utc_offset_seconds }
  return dayIndexOn(f.daily.time, f.utc_offset_seconds, localDateKey(atSec, zone))
}

/**
 * Index of the local day containing `atSec` (daily times are local midnights at the answer's
 * fixed offset). `localDayIndex` reads the date in the place's zone instead.
 */
export function dayIndexAt(time: readonly number[], atSec: number): number {
  let found = -1
  for (let i = 0; i < time.length; i++) {
    if (time[i]! <= atSec) found = i
    else break
  }
  if (found >= 0 && atSec >= time[found]! + 24 * HOUR + HOUR) return -1
  return found
}

export interface HourPoint {
  time: number
  temperature: number | null
  precipitationProbability: number | null
  precipitation: number | null
  windSpeed: number | null
  windDirection: number | null
  weatherCode: number | null
  /** Day or night at that hour, for the icon; null when the report has no day flag there. */
  isDay: boolean | null
}

/** The next `hours` hours from the hour containing `atSec` (fewer at the series' end). */
export function nextHours(hourly: Hourly, atSec: number, hours = 48): HourPoint[] {
  let start = hourIndexAt(hourly.time, atSec)
  if (start < 0) {
    if (hourly.time.length === 0 || atSec >= hourly.time[hourly.time.length - 1]!) return []
    start = 0
  }
  const out: HourPoint[] = []
  for (let i = start; i < Math.min(hourly.time.length, start + hours); i++) {
    out.push({
      time: hourly.time[i]!,
      temperature: hourly.temperature_2m[i] ?? null,
      precipitationProbability: hourly.precipitation_probability[i] ?? null,
      precipitation: hourly.precipitation[i] ?? null,
      windSpeed: hourly.wind_speed_10m[i] ?? null,
      windDirection: hourly.wind_direction_10m[i] ?? null,
      weatherCode: hourly.weather_code[i] ?? null,
      isDay:
        hourly.is_day[i] === undefined || hourly.is_day[i] === null ? null : hourly.is_day[i] !== 0
    })
  }
  return out
}

export interface DayRow {
  date: number
  weatherCode: number | null
  max: number | null
  min: number | null
  sunrise: number | null
  sunset: number | null
  precipitationSum: number | null
  precipitationProbability: number | null
  windMax: number | null
  windDirection: number | null
}

export function dayRows(daily: Daily): DayRow[] {
  return daily.time.map((date, i) => ({
    date,
    weatherCode: daily.weather_code[i] ?? null,
    max: daily.temperature_2m_max[i] ?? null,
    min: daily.temperature_2m_min[i] ?? null,
    sunrise: daily.sunrise[i] ?? null,
    sunset: daily.sunset[i] ?? null,
    precipitationSum: daily.precipitation_sum[i] ?? null,
    precipitationProbability: daily.precipitation_probability_max[i] ?? null,
    windMax: daily.wind_speed_10m_max[i] ?? null,
    windDirection: daily.wind_direction_10m_dominant[i] ?? null
  }))
}

/** Min and max of the non-null values; null when every value is a gap. */
export function extent(values: readonly (number | null)[]): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const v of values) {
    if (v === null) continue
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return lo === Infinity ? null : [lo, hi]
}

/** Splits a series at its gaps, so a chart draws separate lines rather than bridging them. */
export function segments<T>(points: readonly T[], valueOf: (p: T) => number | null): T[][] {
  const out: T[][] = []
  let run: T[] = []
  for (const p of points) {
    if (valueOf(p) === null) {
      if (run.length) out.push(run)
      run = []
    } else run.push(p)
  }
  if (run.length) out.push(run)
  return out
}

export interface AirNow {
  europeanAqi: number | null
  usAqi: number | null
  pm25: number | null
  pm10: number | null
}

export function airAt(air: AirQualityLocation | null, atSec: number): AirNow | null {
  if (!air) return null
  const c = air.current
  if (c && Math.abs(atSec - c.time) <= HOUR) {
    return { europeanAqi: c.european_aqi, usAqi: c.us_aqi, pm25: c.pm2_5, pm10: c.pm10 }
  }
  const i = hourIndexAt(air.hourly.time, atSec)
  if (i < 0) return null
  return {
    europeanAqi: air.hourly.european_aqi[i] ?? null,
    usAqi: null,
    pm25: air.hourly.pm2_5[i] ?? null,
    pm10: air.hourly.pm10[i] ?? null
  }
}

export type { ForecastLocation }
