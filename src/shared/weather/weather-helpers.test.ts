import { describe, expect, it } from 'vitest'
import { forecastFor } from '../../../fixtures/open-meteo/synth-weather'
import { forecastLocationSchema } from './forecast-schema'
import { conditionsAt } from './now'
import { hourIndexAt, nextHours, segments } from './series'
import { ago, localClock, offsetLabel, placeLabel } from './time'
import { formatPrecipitation, formatTemperature, formatWind } from './units'
import { currentVars, dailyVars, hourlyVars } from './variables'
import { condition, wmoCodes } from './wmo'

const NOW = Date.UTC(2025, 5, 1, 10, 20)
const sample = () =>
  forecastLocationSchema.parse(
    forecastFor(48.85341, 2.3488, {
      nowMs: NOW,
      current: currentVars,
      hourly: hourlyVars,
      daily: dailyVars,
      days: 7
    })
  )

describe('forecast validation', () => {
  it('rejects a series shorter than its time axis', () => {
    const raw = forecastFor(48.85, 2.35, {
      nowMs: NOW,
      current: currentVars,
      hourly: hourlyVars,
      daily: dailyVars,
      days: 7
    }) as { hourly: Record<string, unknown[]> }
    raw.hourly.wind_speed_10m!.pop()
    const result = forecastLocationSchema.safeParse(raw)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain('wind_speed_10m')
  })

  it('accepts null values as gaps', () => {
    const raw = forecastFor(48.85, 2.35, {
      nowMs: NOW,
      current: currentVars,
      hourly: hourlyVars,
      daily: dailyVars,
      days: 7,
      gapHours: [5]
    })
    expect(forecastLocationSchema.parse(raw).hourly.temperature_2m[5]).toBeNull()
  })
})

describe('now from a report', () => {
  it('uses the current block while it is fresh', () => {
    const f = sample()
    const now = conditionsAt(f, Math.floor(NOW / 1000))
    expect(now?.source).toBe('current')
    expect(now?.temperature).toBe(f.current!.temperature_2m)
  })

  it('reads an old report’s "now" from its hourly series, not its stale current block', () => {
    const f = sample()
    const later = Math.floor(NOW / 1000) + 26 * 3600 + 600
    const now = conditionsAt(f, later)
    const i = hourIndexAt(f.hourly.time, later)
    expect(now?.source).toBe('hourly')
    expect(now?.time).toBe(f.hourly.time[i])
    expect(now?.temperature).toBe(f.hourly.temperature_2m[i])
  })

  it('has no "now" beyond the end of the series', () => {
    const f = sample()
    expect(conditionsAt(f, f.hourly.time.at(-1)! + 7200)).toBeNull()
  })

  it('gives the next 48 hours from the current hour and splits lines at gaps', () => {
    const f = sample()
    const hours = nextHours(f.hourly, Math.floor(NOW / 1000))
    expect(hours).toHaveLength(48)
    expect(hours[0]!.time).toBeLessThanOrEqual(Math.floor(NOW / 1000))
    const runs = segments([1, null, 2, 3, null, null, 4], (v) => v)
    expect(runs).toEqual([[1], [2, 3], [4]])
  })
})

describe('words and units', () => {
  it('has words and an icon for every documented WMO code', () => {
    for (const code of wmoCodes) expect(condition(code).icon).not.toBe('unknown')
    expect(condition(95).words).toBe('Thunderstorm')
    expect(condition(12345).icon).toBe('unknown')
    expect(condition(null).words).toBe('Conditions unknown')
  })

  it('converts stored metric values for display, and shows gaps as a dash', () => {
    expect(formatTemperature(20, 'fahrenheit')).toBe('68°')
    expect(formatTemperature(null, 'celsius')).toBe('—')
    expect(formatWind(36, 'ms')).toBe('10.0 m/s')
    expect(formatWind(16.09344, 'mph')).toBe('10 mph')
    expect(formatPrecipitation(25.4, 'inch')).toBe('1.00 in')
    expect(formatPrecipitation(0, 'mm')).toBe('0.0 mm')
  })

  it('reads place clocks, ages and labels', () => {
    expect(localClock(Date.UTC(2025, 0, 1, 23, 30) / 1000, 3600)).toBe('00:30')
    expect(offsetLabel(-5 * 3600)).toBe('UTC−05:00')
    expect(ago(0, 12 * 60_000)).toBe('12 min ago')
    expect(placeLabel({ name: 'Paris', admin1: 'Texas', countryCode: 'US' })).toBe(
      'Paris, Texas, US'
    )
  })
})
