import { z } from 'zod'
import { none } from './app'
import { event, request } from './define'

const id = z.number().int().positive()
const latitude = z.number().min(-90).max(90)
const longitude = z.number().min(-180).max(180)

/** The grid filter's groups of WMO codes. */
export const weatherConditions = ['clear', 'cloudy', 'fog', 'rain', 'snow', 'thunderstorm'] as const
export type WeatherCondition = (typeof weatherConditions)[number]

/** Why a photo's weather is not known; each is shown in words in the lightbox. */
export const unknownReasons = [
  'no-place',
  'no-time',
  'null-island',
  'pole',
  'too-early',
  'future',
  'no-zone',
  'no-record',
  'refused'
] as const
export type UnknownReason = (typeof unknownReasons)[number]

export const photoWeatherStatusSchema = z.object({
  enabled: z.boolean(),
  state: z.enum(['off', 'idle', 'running', 'paused-offline', 'waiting-limit']),
  /** Photos with a place (GPS or set by hand) and a capture time. */
  eligible: z.number().int().nonnegative(),
  linked: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** Photos on days not over yet: asked for once they are. */
  waiting: z.number().int().nonnegative(),
  /** Until when the provider's limit holds work back (ms since epoch), or null. */
  resumesAt: z.number().nullable(),
  /** Words for the status bar and the library's notice, when something holds work back. */
  note: z.string().nullable()
})
export type PhotoWeatherStatus = z.infer<typeof photoWeatherStatusSchema>

/** The weather when one photo was taken, for the lightbox ("☀ 24 °C · light breeze · 14:00"). */
export const photoWeatherSchema = z.discriminatedUnion('known', [
  z.object({
    known: z.literal(true),
    photoId: id,
    /** WMO code: the renderer picks the weather desk's icon and words from it. */
    weatherCode: z.number().int().nullable(),
    condition: z.enum(weatherConditions).nullable(),
    /** °C (converted to the user's unit by the renderer). */
    temperature: z.number().nullable(),
    /** km/h, and the Beaufort words for it ("light breeze"). */
    windSpeed: z.number().nullable(),
    windWords: z.string().nullable(),
    precipitation: z.number().nullable(),
    /** The capture's local time at that place, "14:00", and its date, "2024-07-14". */
    localTime: z.string(),
    localDate: z.string(),
    timezone: z.string().nullable()
  }),
  z.object({
    known: z.literal(false),
    photoId: id,
    /** null while it is still to be fetched (or the feature is off). */
    reason: z.enum(unknownReasons).nullable(),
    /** "Weather unknown: …", in words. */
    words: z.string()
  })
])
export type PhotoWeather = z.infer<typeof photoWeatherSchema>

export const photoWeatherFilterSchema = z
  .object({
    conditions: z.array(z.enum(weatherConditions)).max(6).optional(),
    /** °C, inclusive. */
    minTemperature: z.number().min(-100).max(100).optional(),
    maxTemperature: z.number().min(-100).max(100).optional()
  })
  .strict()
export type PhotoWeatherFilter = z.infer<typeof photoWeatherFilterSchema>

/** Where "Photos taken here" looks: the place's grid cell, or a radius around it. */
export const photosHereSchema = z
  .object({
    latitude,
    longitude,
    radiusKm: z.number().positive().max(500).optional(),
    /** A day of that place's History (YYYY-MM-DD, local): only photos taken that day. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    limit: z.number().int().min(1).max(10_000).default(500)
  })
  .strict()

const idsResult = z.object({ ids: z.array(id), total: z.number().int().nonnegative() })

export const photoWeatherRequests = {
  'photo-weather:status': request(none, photoWeatherStatusSchema),
  /** Turns the feature on or off (the same as the `photoWeather` setting). */
  'photo-weather:set-enabled': request(
    z.object({ enabled: z.boolean() }).strict(),
    photoWeatherStatusSchema
  ),
  'photo-weather:get': request(z.object({ photoId: id }).strict(), photoWeatherSchema),
  /** Photo ids whose weather matches; the grid shows these (newest first). */
  'photo-weather:filter': request(
    photoWeatherFilterSchema.extend({
      limit: z.number().int().min(1).max(100_000).default(10_000)
    }),
    idsResult
  ),
  'photo-weather:photos-here': request(photosHereSchema, idsResult),
  /** "Set place…": gives photos without GPS a place (a weather place, or a search hit). */
  'photo-weather:set-place': request(
    z
      .object({
        photoIds: z.array(id).min(1).max(100_000),
        latitude,
        longitude,
        timezone: z.string().min(1).max(64).nullable().default(null)
      })
      .strict(),
    z.object({ updated: z.number().int().nonnegative() })
  )
}

export const photoWeatherEvents = {
  'photo-weather:status-changed': event(photoWeatherStatusSchema),
  /** New weather was linked to photos: grids and open lightboxes refresh. */
  'photo-weather:linked': event(z.object({ count: z.number().int().nonnegative() }))
}
