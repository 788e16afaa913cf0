import type { ForecastLocation, Hourly } from './forecast-schema'
import { CURRENT_FRESH_SEC } from './now'
import { hourIndexAt, localDayIndex } from './series'

/** The finer conditions of a report at a moment: UV, pressure and its trend, and the like. */

const HOUR = 3600

export type PressureTrend = 'rising' | 'falling' | 'steady'

export interface PressureReading {
  hPa: number
  trend: PressureTrend | null
  /** The change (hPa) over three hours: the past three where the report has them, else the next. */
  change: number | null
  over: 'past' | 'next' | null
}

/** A change of less than this over three hours is steady (the barometric tendency's usual cut). */
export const STEADY_HPA = 1

const at = (series: readonly (number | null)[] | undefined, i: number): number | null =>
  i < 0 ? null : (series?.[i] ?? null)

export function pressureAt(hourly: Hourly, atSec: number): PressureReading | null {
  const i = hourIndexAt(hourly.time, atSec)
  const now = at(hourly.pressure_msl, i)
  if (now === null) return null
  const before = at(hourly.pressure_msl, hourly.time.indexOf(hourly.time[i]! - 3 * HOUR))
  const after = at(hourly.pressure_msl, hourly.time.indexOf(hourly.time[i]! + 3 * HOUR))
  const [change, over] =
    before !== null
      ? [now - before, 'past' as const]
      : after !== null
        ? [after - now, 'next' as const]
        : [null, null]
  if (change === null) return { hPa: now, trend: null, change: null, over: null }
  const rounded = Math.round(change * 10) / 10
  const trend: PressureTrend =
    Math.abs(rounded) < STEADY_HPA ? 'steady' : rounded > 0 ? 'rising' : 'falling'
  return { hPa: now, trend, change: rounded, over }
}

export interface ConditionDetails {
  uvIndex: number | null
  pressure: PressureReading | null
  /** Metres. */
  visibility: number | null
  dewPoint: number | null
  cloudCover: number | null
  /** Seconds of daylight on that day; null when the report does not say. */
  daylight: number | null
}

/** Daylight on the report's day `i`: Open-Meteo's own figure, else sunset minus sunrise. */
export function daylightOn(daily: ForecastLocation['daily'], i: number): number | null {
  if (i < 0) return null
  const given = daily.daylight_duration?.[i]
  if (given !== undefined && given !== null) return given
  const rise = daily.sunrise[i]
  const set = daily.sunset[i]
  return rise !== null && rise !== undefined && set !== null && set !== undefined
    ? set - rise
    : null
}

/**
 * The details at `atSec`: from the `current` block while it is fresh (as `conditionsAt` does),
 * else from the hour that contains `atSec`. Reports stored before these were asked for have
 * none of them: every field is then null.
 */
export function detailsAt(f: ForecastLocation, atSec: number): ConditionDetails {
  const h = f.hourly
  const i = hourIndexAt(h.time, atSec)
  const c = f.current && Math.abs(atSec - f.current.time) <= CURRENT_FRESH_SEC ? f.current : null
  const pressure = pressureAt(h, atSec)
  const currentPressure = c?.pressure_msl ?? null
  return {
    uvIndex: at(h.uv_index, i),
    pressure:
      currentPressure !== null && pressure ? { ...pressure, hPa: currentPressure } : pressure,
    visibility: at(h.visibility, i),
    dewPoint: c?.dew_point_2m ?? at(h.dew_point_2m, i),
    cloudCover: c?.cloud_cover ?? at(h.cloud_cover, i),
    daylight: daylightOn(f.daily, localDayIndex(f, atSec))
  }
}

export type UvLevel = 'low' | 'moderate' | 'high' | 'very-high' | 'extreme'

/** The WHO's UV index bands. */
export function uvLevel(uv: number): UvLevel {
  const u = Math.round(uv)
  return u <= 2 ? 'low' : u <= 5 ? 'moderate' : u <= 7 ? 'high' : u <= 10 ? 'very-high' : 'extreme'
}

const uvWords: Record<UvLevel, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  'very-high': 'Very high',
  extreme: 'Extreme'
}

const DASH = '—'

/** "6 · High" */
export const formatUv = (uv: number | null | undefined): string =>
  uv === null || uv === undefined ? DASH : `${Math.round(uv)} · ${uvWords[uvLevel(uv)]}`

/** "1013 hPa" */
export const formatPressure = (hPa: number | null | undefined): string =>
  hPa === null || hPa === undefined ? DASH : `${Math.round(hPa)} hPa`

export type DistanceUnit = 'km' | 'mi'

/** Kilometres, or miles for a user who reads wind in mph. */
export const distanceUnitFor = (windSpeedUnit: string): DistanceUnit =>
  windSpeedUnit === 'mph' ? 'mi' : 'km'

/** "24 km", "800 m", "15 mi", "0.5 mi" */
export function formatVisibility(m: number | null | undefined, unit: DistanceUnit): string {
  if (m === null || m === undefined) return DASH
  if (unit === 'mi') {
    const mi = m / 1609.344
    return `${mi < 10 ? Math.round(mi * 10) / 10 : Math.round(mi)} mi`
  }
  if (m < 1000) return `${Math.round(m / 100) * 100} m`
  const km = m / 1000
  return `${km < 10 ? Math.round(km * 10) / 10 : Math.round(km)} km`
}

const trendWords: Record<PressureTrend, string> = {
  rising: 'rising',
  falling: 'falling',
  steady: 'steady'
}

/** "1013 hPa, falling" */
export const formatPressureReading = (p: PressureReading | null): string =>
  p === null
    ? DASH
    : p.trend
      ? `${formatPressure(p.hPa)}, ${trendWords[p.trend]}`
      : formatPressure(p.hPa)
