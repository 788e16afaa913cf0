import { z } from 'zod'
import { airQualityLocationSchema, forecastLocationSchema } from '../weather/forecast-schema'
import { isDateKey } from '../weather/zoned-time'
import { none } from './app'
import { event, request } from './define'
import { appErrorSchema } from './errors'

const id = z.number().int().positive()

/** A geocoding result the user can add. */
export const geoPlaceSchema = z
  .object({
    geonameId: z.number().int().nullable(),
    name: z.string().min(1).max(200),
    country: z.string().max(100),
    countryCode: z.string().max(3),
    admin1: z.string().max(200).nullable(),
    admin2: z.string().max(200).nullable(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    elevation: z.number().nullable(),
    timezone: z.string().max(64).nullable(),
    population: z.number().nullable()
  })
  .strict()
export type GeoPlace = z.infer<typeof geoPlaceSchema>

export const placeSchema = z.object({
  id,
  geonameId: z.number().int().nullable(),
  name: z.string(),
  country: z.string(),
  countryCode: z.string(),
  admin1: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  elevation: z.number().nullable(),
  timezone: z.string().nullable(),
  position: z.number().int(),
  isHome: z.boolean(),
  removed: z.boolean()
})
export type Place = z.infer<typeof placeSchema>

/** The list fields of a stored report, enough for the place list and the history. */
export const reportSummarySchema = z.object({
  id,
  placeId: id,
  fetchedAt: z.number().int(),
  provider: z.string(),
  timezone: z.string(),
  utcOffsetSeconds: z.number().int(),
  temperature: z.number().nullable(),
  weatherCode: z.number().int().nullable(),
  tempMax: z.number().nullable(),
  tempMin: z.number().nullable(),
  isDay: z.boolean(),
  hasAirQuality: z.boolean()
})
export type ReportSummary = z.infer<typeof reportSummarySchema>

export const reportPayloadSchema = z.object({
  forecast: forecastLocationSchema,
  airQuality: airQualityLocationSchema.nullable(),
  /** Why air quality is missing from this report, when it is. */
  airQualityError: appErrorSchema.nullable()
})
export type ReportPayload = z.infer<typeof reportPayloadSchema>

/** A stored report exactly as fetched (values in °C, km/h, mm; times unix seconds). */
export const reportSchema = reportSummarySchema.extend({
  units: z.object({ temperature: z.string(), windSpeed: z.string(), precipitation: z.string() }),
  payload: reportPayloadSchema
})
export type Report = z.infer<typeof reportSchema>

export const placeStatusSchema = z.object({
  state: z.enum(['idle', 'refreshing', 'error']),
  /** The last refresh's failure; the last good report stays shown with a stale badge. */
  error: appErrorSchema.nullable(),
  lastAttemptAt: z.number().int().nullable(),
  /** Set while the service holds requests back after a 429. */
  pausedUntil: z.number().int().nullable()
})
export type PlaceStatus = z.infer<typeof placeStatusSchema>

export const placeViewSchema = placeSchema.extend({
  latest: reportSummarySchema.nullable(),
  status: placeStatusSchema
})
export type PlaceView = z.infer<typeof placeViewSchema>

export const refreshOutcomeSchema = z.object({
  placeId: id,
  reportId: id.nullable(),
  error: appErrorSchema.nullable()
})
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>

const placesResult = z.object({ places: z.array(placeViewSchema) })
const refreshResult = z.object({ outcomes: z.array(refreshOutcomeSchema) })

export const historyQuerySchema = z
  .object({
    placeId: id.nullable().optional(),
    /** Inclusive bounds on fetched_at, ms since epoch. */
    from: z.number().int().nullable().optional(),
    to: z.number().int().nullable().optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500)
  })
  .strict()
export type HistoryQuery = z.infer<typeof historyQuerySchema>

/** A calendar date at a place, "YYYY-MM-DD". */
export const dateKeySchema = z
  .string()
  .refine(isDateKey, { message: 'expected a date as YYYY-MM-DD' })

/** What a stored report predicted for one day. */
export const trailPointSchema = z.object({
  reportId: id,
  fetchedAt: z.number().int(),
  /** Days ahead when fetched: 0 = the same day … 7. */
  leadDays: z.number().int().min(0),
  high: z.number().nullable(),
  low: z.number().nullable(),
  /** The day's highest hourly chance of rain, %. */
  precipitationProbability: z.number().nullable(),
  precipitationSum: z.number().nullable(),
  weatherCode: z.number().int().nullable()
})
export type TrailPoint = z.infer<typeof trailPointSchema>

/** What a day was really like, from Open-Meteo (°C, mm), stored once per place and day. */
export const observedDaySchema = z.object({
  date: dateKeySchema,
  high: z.number().nullable(),
  low: z.number().nullable(),
  precipitationSum: z.number().nullable(),
  weatherCode: z.number().int().nullable(),
  /** The forecast API's `past_days` (recent days) or the archive API (older ones). */
  source: z.enum(['forecast', 'archive']),
  fetchedAt: z.number().int()
})
export type ObservedDay = z.infer<typeof observedDaySchema>

export const forecastTrailSchema = z.object({
  placeId: id,
  date: dateKeySchema,
  /** Every stored report that predicted the day, oldest fetch first. */
  points: z.array(trailPointSchema),
  observed: observedDaySchema.nullable(),
  /**
   * `future`: the day is not over; `pending`: over, not fetched yet (offline, or the archive
   * has not got it); `observed`: `observed` is set.
   */
  observedState: z.enum(['future', 'pending', 'observed'])
})
export type ForecastTrail = z.infer<typeof forecastTrailSchema>

export const forecastDaySchema = z.object({
  date: dateKeySchema,
  /** Stored reports that predicted it. */
  reports: z.number().int(),
  observed: z.boolean()
})

const figureSchema = z.object({
  value: z.number(),
  reports: z.number().int(),
  days: z.number().int()
})

export const leadAccuracySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('not-enough'),
    leadDays: z.number().int(),
    reports: z.number().int(),
    days: z.number().int(),
    daysNeeded: z.number().int()
  }),
  z.object({
    state: z.literal('ready'),
    leadDays: z.number().int(),
    reports: z.number().int(),
    days: z.number().int(),
    /** Mean absolute error of the daily high, °C. */
    high: figureSchema.nullable(),
    low: figureSchema.nullable(),
    /** Share (0–1) of right rain / no-rain calls. */
    rain: figureSchema.nullable()
  })
])

export const accuracySchema = z.object({
  placeId: id,
  leads: z.array(leadAccuracySchema),
  /** The rules behind the figures, for the table's footnote. */
  rules: z.object({
    minDays: z.number().int(),
    rainChancePercent: z.number(),
    wetDayMm: z.number()
  })
})
export type Accuracy = z.infer<typeof accuracySchema>

/** Whether Open-Meteo can be reached at all: one banner for the app, not one error per place. */
export const connectivitySchema = z.object({
  offline: z.boolean(),
  /** When the connection was first found gone, ms since epoch. */
  since: z.number().int().nullable(),
  /** The last time any forecast arrived. */
  lastSuccessAt: z.number().int().nullable()
})
export type Connectivity = z.infer<typeof connectivitySchema>

const placeOnly = z.object({ placeId: id }).strict()

/** The most reports the History chart draws at once (the newest): about one per pixel. */
export const HISTORY_SERIES_MAX = 500

/** What one stored report said when fetched: a point of the History chart. */
export const historyPointSchema = reportSummarySchema.pick({
  id: true,
  fetchedAt: true,
  temperature: true,
  tempMax: true,
  tempMin: true
})
export type HistoryPoint = z.infer<typeof historyPointSchema>

export const weatherRequests = {
  'weather:search': request(
    z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    z.object({ results: z.array(geoPlaceSchema) })
  ),
  'weather:places': request(none, placesResult),
  /** Every place that has reports, removed ones included, for the history filter. */
  'weather:known-places': request(none, z.object({ places: z.array(placeSchema) })),
  'weather:add-place': request(geoPlaceSchema, z.object({ place: placeViewSchema })),
  'weather:remove-place': request(z.object({ id }).strict(), placesResult),
  /** Undoes a removal: the place comes back at its old position, its reports untouched. */
  'weather:restore-place': request(z.object({ id }).strict(), placesResult),
  'weather:reorder-places': request(
    z.object({ ids: z.array(id).max(1000) }).strict(),
    placesResult
  ),
  'weather:set-home': request(z.object({ id: id.nullable() }).strict(), placesResult),
  'weather:refresh': request(z.object({ placeIds: z.array(id).max(1000) }).strict(), refreshResult),
  /** Refreshes every place now. */
  'weather:refresh-all': request(none, refreshResult),
  /**
   * The network came back or the machine woke: refreshes the places that are due or whose last
   * refresh failed (not every place, to spare the service's quota).
   */
  'weather:resume': request(none, refreshResult),
  'weather:report': request(z.object({ id }).strict(), reportSchema),
  'weather:latest': request(
    z.object({ placeId: id }).strict(),
    z.object({ report: reportSchema.nullable() })
  ),
  'weather:history': request(
    historyQuerySchema,
    z.object({ total: z.number().int(), rows: z.array(reportSummarySchema) })
  ),
  /**
   * What each stored report of a place said when fetched (its current temperature and today's
   * high and low), oldest first, for the History chart: the newest `limit` of `total`.
   */
  'weather:history-series': request(
    z
      .object({
        placeId: id,
        from: z.number().int().nullable().optional(),
        to: z.number().int().nullable().optional(),
        limit: z.number().int().min(1).max(HISTORY_SERIES_MAX).optional()
      })
      .strict(),
    z.object({ placeId: id, total: z.number().int(), points: z.array(historyPointSchema) })
  ),
  /** Days the stored reports predicted at a place, newest first, and which are observed. */
  'weather:forecast-days': request(
    placeOnly,
    z.object({ placeId: id, days: z.array(forecastDaySchema) })
  ),
  /** How the forecast for one day moved, report by report, and what happened. */
  'weather:forecast-trail': request(
    z.object({ placeId: id, date: dateKeySchema }).strict(),
    forecastTrailSchema
  ),
  'weather:accuracy': request(placeOnly, accuracySchema),
  'weather:connectivity': request(none, connectivitySchema)
}

export const weatherEvents = {
  'weather:places-changed': event(placesResult),
  'weather:place-status': event(z.object({ placeId: id, status: placeStatusSchema })),
  'weather:report-stored': event(z.object({ report: reportSummarySchema })),
  'weather:reports-purged': event(z.object({ count: z.number().int() })),
  /** Sent when Open-Meteo becomes unreachable, and when it answers again. */
  'weather:connectivity': event(connectivitySchema),
  /** New observed days were stored: trails and accuracy of these places changed. */
  'weather:observations-stored': event(z.object({ placeIds: z.array(id), count: z.number().int() }))
}
