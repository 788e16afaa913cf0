import type { z } from 'zod'
import { asList, geoSearchSchema, type GeoHit } from '@shared/weather/forecast-schema'
import { WeatherFetchError } from './weather-errors'

const STREAM_ERROR = 'Unexpected error while streaming data'

export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // The service appends this line to a 200 stream that failed midway.
    const streamed = text.includes(STREAM_ERROR)
    throw new WeatherFetchError(
      'invalid_body',
      streamed
        ? `Open-Meteo's ${label} answer broke off mid-stream.`
        : `Open-Meteo's ${label} answer was incomplete or malformed.`
    )
  }
}

export function parseLocations<T>(
  text: string,
  schema: z.ZodType<T>,
  expected: number,
  label: string
): T[] {
  const body = parseJson(text, label)
  const list = asList(body as unknown)
  if (list.length !== expected) {
    throw new WeatherFetchError(
      'invalid_body',
      `Open-Meteo's ${label} answer had ${list.length} places for ${expected} asked.`
    )
  }
  return list.map((item) => {
    const parsed = schema.safeParse(item)
    if (!parsed.success) throw invalid(label, parsed.error)
    return parsed.data
  })
}

export function parseGeoHits(text: string): GeoHit[] {
  const parsed = geoSearchSchema.safeParse(parseJson(text, 'place search'))
  if (!parsed.success) throw invalid('place search', parsed.error)
  // No match answers without a `results` key at all.
  return parsed.data.results ?? []
}

function invalid(label: string, error: z.ZodError): WeatherFetchError {
  const first = error.issues[0]
  const where = first ? `${first.path.join('.')}: ${first.message}` : 'unknown'
  return new WeatherFetchError(
    'invalid_body',
    `Open-Meteo's ${label} answer did not have the expected shape (${where}).`
  )
}
