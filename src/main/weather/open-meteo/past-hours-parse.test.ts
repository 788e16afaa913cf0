import { describe, expect, it } from 'vitest'
import { parseLocations, parseLocationsSliced } from './open-meteo-parse'
import { pastHoursLocationSchema, pastHoursUnitBlocks } from './past-hours'
import { WeatherFetchError } from './weather-errors'

const HOURS = 14 * 24

/** One location of an archive answer: 14 days of hours, in the units asked for. */
const location = (i: number, temperature: (number | null)[] = []) => ({
  latitude: 40 + i / 10,
  longitude: 2.4,
  utc_offset_seconds: 3600,
  timezone: 'Europe/Paris',
  hourly_units: {
    time: 'unixtime',
    temperature_2m: '°C',
    weather_code: 'wmo code',
    wind_speed_10m: 'km/h',
    precipitation: 'mm'
  },
  hourly: {
    time: Array.from({ length: HOURS }, (_, h) => 1_700_000_000 + h * 3600),
    temperature_2m: Array.from({ length: HOURS }, (_, h) =>
      h < temperature.length ? temperature[h]! : 10 + (h % 5)
    ),
    weather_code: Array.from({ length: HOURS }, (_, h) => h % 4),
    wind_speed_10m: Array.from({ length: HOURS }, () => 12),
    precipitation: Array.from({ length: HOURS }, () => 0)
  }
})

const parse = (text: string, expected: number) =>
  parseLocationsSliced(text, pastHoursLocationSchema, pastHoursUnitBlocks, expected, 'past weather')

describe('a large archive answer, checked a location at a time', () => {
  it('reads the same as in one go, and lets other work run between locations', async () => {
    const text = JSON.stringify(Array.from({ length: 50 }, (_, i) => location(i, [null])))
    let ranBetween = false
    let settled = false
    setImmediate(() => (ranBetween = !settled))
    const sliced = await parse(text, 50)
    settled = true
    const whole = parseLocations(
      text,
      pastHoursLocationSchema,
      pastHoursUnitBlocks,
      50,
      'past weather'
    )
    expect(sliced).toEqual(whole)
    expect(sliced.locations).toHaveLength(50)
    expect(sliced.locations[7]!.hourly.temperature_2m[0]).toBeNull()
    expect(ranBetween).toBe(true)
  })

  it('refuses a bad location with its place in the answer, and a short answer', async () => {
    const bad = Array.from({ length: 3 }, (_, i) => location(i)) as unknown[]
    bad[2] = { ...location(2), hourly: { ...location(2).hourly, weather_code: ['x'] } }
    const error = await parse(JSON.stringify(bad), 3).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WeatherFetchError)
    expect((error as WeatherFetchError).kind).toBe('contract')
    await expect(parse(JSON.stringify([location(0)]), 2)).rejects.toThrow(WeatherFetchError)
    await expect(parse('[{"latitude": 1', 1)).rejects.toThrow(/incomplete or malformed/)
  })
})
