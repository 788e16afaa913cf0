import { describe, expect, it } from 'vitest'
import { forecastFor } from '../../../../fixtures/open-meteo/synth-weather'
import { forecastLocationSchema, forecastUnitBlocks } from '@shared/weather/forecast-schema'
import { currentVars, dailyVars, hourlyVars } from '@shared/weather/variables'
import { parseLocations } from './open-meteo-parse'
import { NOT_UNDERSTOOD, WeatherFetchError } from './weather-errors'

const NOW = Date.UTC(2025, 5, 1, 10, 20)
const location = (lat: number) =>
  forecastFor(lat, 2.35, {
    nowMs: NOW,
    current: currentVars,
    hourly: hourlyVars,
    daily: dailyVars,
    days: 7
  })
const parse = (body: unknown, expected: number) =>
  parseLocations(
    JSON.stringify(body),
    forecastLocationSchema,
    forecastUnitBlocks,
    expected,
    'forecast'
  )

function thrown(run: () => unknown): WeatherFetchError {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(WeatherFetchError)
    return e as WeatherFetchError
  }
  throw new Error('expected a failure')
}

describe('parseLocations', () => {
  it('reads one object for one place and an array for several, in the stored units', () => {
    expect(parse(location(48.85), 1).locations).toHaveLength(1)
    const two = parse([location(48.85), location(52.5)], 2)
    expect(two.locations.map((l) => l.latitude)).toEqual([48.85, 52.5])
    expect(two.converted).toEqual([])
  })

  it('refuses, without retrying, an answer with another number of places than asked', () => {
    const e = thrown(() => parse([location(48.85), location(52.5)], 3))
    expect(e.kind).toBe('contract')
    expect(e.retryable).toBe(false)
    expect(e.message).toBe(`${NOT_UNDERSTOOD} (forecast). The details are in the log.`)
    expect(e.details.diagnostic).toContain('2 locations in the answer for 3 asked')
  })

  it('says which place of several broke the shape, in the diagnostic only', () => {
    const bad = location(52.5) as { daily: Record<string, unknown> }
    bad.daily.temperature_2m_max = 'warm'
    const e = thrown(() => parse([location(48.85), bad], 2))
    expect(e.kind).toBe('contract')
    expect(e.details.diagnostic).toContain('[1].daily.temperature_2m_max')
    expect(e.message).not.toContain('temperature_2m_max')
  })

  it('refuses an answer whose units block is missing', () => {
    const { daily_units: _gone, ...rest } = location(48.85) as Record<string, unknown>
    const e = thrown(() => parse(rest, 1))
    expect(e.kind).toBe('contract')
    expect(e.message).toContain('it did not say which units its daily values are in.')
  })

  it('keeps a body that did not arrive whole retryable', () => {
    const e = thrown(() =>
      parseLocations('{"latitude":', forecastLocationSchema, forecastUnitBlocks, 1, 'forecast')
    )
    expect(e.kind).toBe('invalid_body')
    expect(e.retryable).toBe(true)
  })
})
