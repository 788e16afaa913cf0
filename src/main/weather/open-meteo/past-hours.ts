import { z } from 'zod'
import type { UnitBlocks } from '@shared/weather/forecast-schema'
import type { PastRange } from '@shared/weather/past-weather'
import { storedUnits } from '@shared/weather/variables'
import type { GeoPoint } from './weather-urls'

/** What an hour was like, as photo weather asks for it: four variables (one call's weight). */
export const pastHourVars = [
  'temperature_2m',
  'weather_code',
  'wind_speed_10m',
  'precipitation'
] as const

const series = z.array(z.number().nullable())

export const pastHoursLocationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  timezone: z.string(),
  hourly: z
    .object({
      time: z.array(z.number().int()),
      temperature_2m: series,
      weather_code: series,
      wind_speed_10m: series,
      precipitation: series
    })
    .refine((h) => pastHourVars.every((v) => h[v].length === h.time.length), {
      message: 'every hourly series must be as long as its time'
    })
})
export type PastHoursLocation = z.infer<typeof pastHoursLocationSchema>

export const pastHoursUnitBlocks: UnitBlocks = { hourly: ['time', ...pastHourVars] }

export type { PastRange }

const coord = (n: number): string => String(Math.round(n * 1e4) / 1e4)

/** Hourly past weather for `points`: local days (timezone=auto), unix times, metric. */
export function pastHoursUrl(base: string, points: readonly GeoPoint[], range: PastRange): string {
  const path = range.kind === 'archive' ? 'v1/archive' : 'v1/forecast'
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`)
  url.searchParams.set('latitude', points.map((p) => coord(p.latitude)).join(','))
  url.searchParams.set('longitude', points.map((p) => coord(p.longitude)).join(','))
  url.searchParams.set('hourly', pastHourVars.join(','))
  url.searchParams.set('temperature_unit', storedUnits.temperature)
  url.searchParams.set('wind_speed_unit', storedUnits.windSpeed)
  url.searchParams.set('precipitation_unit', storedUnits.precipitation)
  url.searchParams.set('timezone', 'auto')
  url.searchParams.set('timeformat', 'unixtime')
  if (range.kind === 'archive') {
    url.searchParams.set('start_date', range.startDate)
    url.searchParams.set('end_date', range.endDate)
  } else {
    url.searchParams.set('past_days', String(range.pastDays))
    url.searchParams.set('forecast_days', '2')
  }
  return url.toString()
}
