import type { z } from 'zod'
import {
  asList,
  geoSearchSchema,
  type GeoHit,
  type UnitBlocks
} from '@shared/weather/forecast-schema'
import { inStoredUnits } from './answer-units'
import { contractMismatch, WeatherFetchError } from './weather-errors'

const STREAM_ERROR = 'Unexpected error while streaming data'

/** A body that is not whole JSON did not arrive whole: transient, worth asking again. */
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

export interface ParsedLocations<T> {
  /** In request order, every value in the stored units. */
  readonly locations: T[]
  /** Units the answer came in that were converted from (°F, mp/h…), for the log. */
  readonly converted: string[]
}

/** A forecast or air-quality answer: one location per point asked, shape and units checked. */
export function parseLocations<T extends object>(
  text: string,
  schema: z.ZodType<T>,
  units: UnitBlocks,
  expected: number,
  label: string
): ParsedLocations<T> {
  const list = locationList(text, expected, label)
  const converted = new Set<string>()
  const locations = list.map((item, i) =>
    checkLocation(item, i, { schema, units, expected, label }, converted)
  )
  return { locations, converted: [...converted] }
}

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r))

/**
 * The same, one location per turn of the event loop: a 50-location archive answer (photo
 * weather) is half a megabyte of hourly series, and checking it in one go held main's loop
 * for tens of milliseconds.
 */
export async function parseLocationsSliced<T extends object>(
  text: string,
  schema: z.ZodType<T>,
  units: UnitBlocks,
  expected: number,
  label: string
): Promise<ParsedLocations<T>> {
  const list = locationList(text, expected, label)
  const converted = new Set<string>()
  const locations: T[] = []
  for (const [i, item] of list.entries()) {
    if (i > 0) await yieldToLoop()
    locations.push(checkLocation(item, i, { schema, units, expected, label }, converted))
  }
  return { locations, converted: [...converted] }
}

function locationList(text: string, expected: number, label: string): unknown[] {
  const list = asList(parseJson(text, label))
  if (list.length !== expected) {
    throw contractMismatch(label, `${list.length} locations in the answer for ${expected} asked`)
  }
  return list
}

function checkLocation<T extends object>(
  item: unknown,
  i: number,
  a: { schema: z.ZodType<T>; units: UnitBlocks; expected: number; label: string },
  converted: Set<string>
): T {
  const parsed = a.schema.safeParse(item)
  if (!parsed.success) throw mismatch(a.label, parsed.error, a.expected > 1 ? i : null)
  const checked = inStoredUnits(item, parsed.data, a.units, a.label)
  for (const c of checked.converted) converted.add(c)
  return checked.location
}

export function parseGeoHits(text: string): GeoHit[] {
  const parsed = geoSearchSchema.safeParse(parseJson(text, 'place search'))
  if (!parsed.success) throw mismatch('place search', parsed.error, null)
  // No match answers without a `results` key at all.
  return parsed.data.results ?? []
}

/** The validator's findings go to the diagnostic (the log), never into the user's message. */
function mismatch(label: string, error: z.ZodError, index: number | null): WeatherFetchError {
  const where = (path: PropertyKey[]): string =>
    [...(index === null ? [] : [`[${index}]`]), ...path.map(String)].join('.') || '(root)'
  const issues = error.issues.slice(0, 5).map((i) => `${where(i.path)}: ${i.message}`)
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : ''
  return contractMismatch(label, issues.join('; ') + more)
}
