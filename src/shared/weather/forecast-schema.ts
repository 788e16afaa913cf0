import { z } from 'zod'
import {
  addedCurrentVars,
  addedDailyVars,
  addedHourlyVars,
  airCurrentVars,
  airHourlyVars,
  currentVars,
  dailyVars,
  hourlyVars,
  minutelyVars,
  observedDailyVars,
  type UnitKey,
  type AirCurrentVar,
  type AirHourlyVar,
  type CurrentVar,
  type DailyVar,
  type HourlyVar,
  type MinutelyVar,
  type ObservedDailyVar
} from './variables'

/** A value in a series: null is a gap (no data), never zero. */
const value = z.number().nullable()
const series = z.array(value)
const unixTimes = z.array(z.number().int())

type Without<T extends readonly string[], U extends readonly string[]> = Exclude<
  T[number],
  U[number]
>

/**
 * A block of series that must all be exactly as long as its `time`. `optional` keys may be
 * absent (reports stored before they were asked for), but when present they are checked too.
 */
function seriesBlock<K extends string, O extends string = never>(
  keys: readonly K[],
  optional: readonly O[] = []
) {
  const shape = Object.fromEntries(keys.map((k) => [k, series])) as Record<K, typeof series>
  const optionalShape = Object.fromEntries(optional.map((k) => [k, series.optional()])) as Record<
    O,
    z.ZodOptional<typeof series>
  >
  return z.object({ time: unixTimes, ...shape, ...optionalShape }).superRefine((block, ctx) => {
    const b = block as unknown as Record<string, unknown[] | undefined>
    const n = b.time!.length
    for (const key of [...keys, ...optional]) {
      const got = b[key]?.length
      if (got !== undefined && got !== n) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `series "${key}" has ${got} values for ${n} times`
        })
      }
    }
  })
}

function currentBlock<K extends string, O extends string = never>(
  keys: readonly K[],
  optional: readonly O[] = []
) {
  const shape = Object.fromEntries(keys.map((k) => [k, value])) as Record<K, typeof value>
  const optionalShape = Object.fromEntries(optional.map((k) => [k, value.optional()])) as Record<
    O,
    z.ZodOptional<typeof value>
  >
  return z.object({
    time: z.number().int(),
    interval: z.number().int(),
    ...shape,
    ...optionalShape
  })
}

const locationHead = {
  latitude: z.number(),
  longitude: z.number(),
  utc_offset_seconds: z.number().int(),
  timezone: z.string(),
  timezone_abbreviation: z.string().optional(),
  elevation: z.number().nullable().optional()
}

const baseOf = <T extends readonly string[], U extends readonly string[]>(all: T, added: U) =>
  all.filter((k) => !added.includes(k)) as Without<T, U>[]

/** Precipitation per quarter hour for the next two hours, where Open-Meteo has it. */
const minutelyBlock = seriesBlock(minutelyVars).optional()

/**
 * A forecast as stored: the variables added since the first release are optional, so every
 * report ever stored still reads (and shows as it was).
 */
export const forecastLocationSchema = z.object({
  ...locationHead,
  current: currentBlock(baseOf(currentVars, addedCurrentVars), addedCurrentVars).optional(),
  hourly: seriesBlock(baseOf(hourlyVars, addedHourlyVars), addedHourlyVars),
  daily: seriesBlock(baseOf(dailyVars, addedDailyVars), addedDailyVars),
  minutely_15: minutelyBlock
})
export type ForecastLocation = z.infer<typeof forecastLocationSchema>

/** A forecast as Open-Meteo answers it: every variable asked for must be there. */
export const forecastAnswerSchema = z.object({
  ...locationHead,
  current: currentBlock(currentVars).optional(),
  hourly: seriesBlock(hourlyVars),
  daily: seriesBlock(dailyVars),
  minutely_15: minutelyBlock
})

/** Past days, from the forecast API's `past_days` or the archive API. */
export const observedLocationSchema = z.object({
  ...locationHead,
  daily: seriesBlock(observedDailyVars)
})
export type ObservedLocation = z.infer<typeof observedLocationSchema>

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
  daily: ['time', ...dailyVars],
  minutely_15: ['time', ...minutelyVars]
}

export const observedUnitBlocks: UnitBlocks = {
  daily: ['time', ...observedDailyVars]
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
export type Minutely = NonNullable<ForecastLocation['minutely_15']>
export type {
  AirCurrentVar,
  AirHourlyVar,
  CurrentVar,
  DailyVar,
  HourlyVar,
  MinutelyVar,
  ObservedDailyVar
}

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
