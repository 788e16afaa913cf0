import { z } from 'zod'
import {
  airCurrentVars,
  airHourlyVars,
  currentVars,
  dailyVars,
  hourlyVars,
  type UnitKey,
  type AirCurrentVar,
  type AirHourlyVar,
  type CurrentVar,
  type DailyVar,
  type HourlyVar
} from './variables'

/** A value in a series: null is a gap (no data), never zero. */
const value = z.number().nullable()
const series = z.array(value)
const unixTimes = z.array(z.number().int())

/** A block of series that must all be exactly as long as its `time`. */
function seriesBlock<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, series])) as Record<K, typeof series>
  return z.object({ time: unixTimes, ...shape }).superRefine((block, ctx) => {
    const b = block as unknown as Record<string, unknown[]>
    const n = b.time!.length
    for (const key of keys) {
      const got = b[key]!.length
      if (got !== n) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `series "${key}" has ${got} values for ${n} times`
        })
      }
    }
  })
}

function currentBlock<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, value])) as Record<K, typeof value>
  return z.object({ time: z.number().int(), interval: z.number().int(), ...shape })
}

const locationHead = {
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  timezone: z.string(),
  timezone_abbreviation: z.string().optional(),
  elevation: z.number().nullable().optional()
}

export const forecastLocationSchema = z.object({
  ...locationHead,
  current: currentBlock(currentVars).optional(),
  hourly: seriesBlock(hourlyVars),
  daily: seriesBlock(dailyVars)
})
export type ForecastLocation = z.infer<typeof forecastLocationSchema>

export const airQualityLocationSchema = z.object({
  ...locationHead,
  current: currentBlock(airCurrentVars).optional(),
  hourly: seriesBlock(airHourlyVars)
})
export type AirQualityLocation = z.infer<typeof airQualityLocationSchema>

/** A `*_units` block: each key's unit label. Checked on arrival, never stored. */
export const unitsBlockSchema = z.record(z.string(), z.string())

/** The blocks of an answer and the keys whose units are checked in each. */
export type UnitBlocks = Readonly<Record<string, readonly UnitKey[]>>

export const forecastUnitBlocks: UnitBlocks = {
  current: ['time', 'interval', ...currentVars],
  hourly: ['time', ...hourlyVars],
  daily: ['time', ...dailyVars]
}

export const airQualityUnitBlocks: UnitBlocks = {
  current: ['time', 'interval', ...airCurrentVars],
  hourly: ['time', ...airHourlyVars]
}

/** One location answers an object, several answer an array, in request order. */
export const asList = <T>(body: T | T[]): T[] => (Array.isArray(body) ? body : [body])

export type Hourly = ForecastLocation['hourly']
export type Daily = ForecastLocation['daily']
export type Current = NonNullable<ForecastLocation['current']>
export type { AirCurrentVar, AirHourlyVar, CurrentVar, DailyVar, HourlyVar }

/** Open-Meteo's error body: `{ "error": true, "reason": "…" }`. */
export const apiErrorSchema = z.object({ error: z.literal(true), reason: z.string() })

/** A geocoding hit; only name and coordinates are guaranteed by GeoNames. */
export const geoHitSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  elevation: z.number().nullable().optional(),
  feature_code: z.string().optional(),
  country_code: z.string().optional(),
  country: z.string().optional(),
  admin1: z.string().optional(),
  admin2: z.string().optional(),
  timezone: z.string().optional(),
  population: z.number().optional()
})
/** No match answers without a `results` key at all. */
export const geoSearchSchema = z.object({ results: z.array(geoHitSchema).optional() })
export type GeoHit = z.infer<typeof geoHitSchema>
