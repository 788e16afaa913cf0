import type { ForecastLocation } from './forecast-schema'
import { hourIndexAt, localDayIndex } from './series'

/** A `current` block older than this is stale: "now" is read from the hourly series instead. */
export const CURRENT_FRESH_SEC = 45 * 60

export interface NowConditions {
  /** Where the values came from: the report's `current` block or its hourly series. */
  source: 'current' | 'hourly'
  time: number
  temperature: number | null
  apparentTemperature: number | null
  humidity: number | null
  precipitation: number | null
  weatherCode: number | null
  windSpeed: number | null
  windDirection: number | null
  windGusts: number | null
  isDay: boolean
  todayMax: number | null
  todayMin: number | null
  sunrise: number | null
  sunset: number | null
}

/**
 * The conditions at `atSec` as the report forecast them. A fresh report answers from its
 * `current` block; an old one from the hour of its series that contains `atSec`. Null when the
 * report does not reach that far.
 */
export function conditionsAt(f: ForecastLocation, atSec: number): NowConditions | null {
  const day = localDayIndex(f, atSec)
  const daily = {
    todayMax: day >= 0 ? (f.daily.temperature_2m_max[day] ?? null) : null,
    todayMin: day >= 0 ? (f.daily.temperature_2m_min[day] ?? null) : null,
    sunrise: day >= 0 ? (f.daily.sunrise[day] ?? null) : null,
    sunset: day >= 0 ? (f.daily.sunset[day] ?? null) : null
  }
  const c = f.current
  if (c && Math.abs(atSec - c.time) <= CURRENT_FRESH_SEC) {
    return {
      source: 'current',
      time: c.time,
      temperature: c.temperature_2m,
      apparentTemperature: c.apparent_temperature,
      humidity: c.relative_humidity_2m,
      precipitation: c.precipitation,
      weatherCode: c.weather_code,
      windSpeed: c.wind_speed_10m,
      windDirection: c.wind_direction_10m,
      windGusts: c.wind_gusts_10m,
      isDay: c.is_day !== 0,
      ...daily
    }
  }
  const h = f.hourly
  const i = hourIndexAt(h.time, atSec)
  if (i < 0) return null
  return {
    source: 'hourly',
    time: h.time[i]!,
    temperature: h.temperature_2m[i] ?? null,
    apparentTemperature: h.apparent_temperature[i] ?? null,
    humidity: h.relative_humidity_2m[i] ?? null,
    precipitation: h.precipitation[i] ?? null,
    weatherCode: h.weather_code[i] ?? null,
    windSpeed: h.wind_speed_10m[i] ?? null,
    windDirection: h.wind_direction_10m[i] ?? null,
    windGusts: null,
    isDay: h.is_day[i] !== 0,
    ...daily
  }
}
