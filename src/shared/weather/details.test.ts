import { describe, expect, it } from 'vitest'
import { forecastFor } from '../../../fixtures/open-meteo/synth-weather'
import {
  detailsAt,
  formatPressureReading,
  formatUv,
  formatVisibility,
  pressureAt,
  uvLevel
} from './details'
import { forecastLocationSchema, type Hourly, type Minutely } from './forecast-schema'
import { nextQuarters, nowcastWords, rainNowcast } from './nowcast'
import { currentVars, dailyVars, hourlyVars, minutelyVars } from './variables'

const T0 = Date.UTC(2025, 5, 1, 12, 0) / 1000
const Q = 900

/** Quarters whose values are the rain of the quarter ending at each time, from T0 + 15 min. */
const quarters = (values: (number | null)[]): Minutely => ({
  time: values.map((_, i) => T0 + (i + 1) * Q),
  precipitation: values
})

describe('rain in the next two hours', () => {
  it('says a horizon in whole quarter hours, never an odd minute count', () => {
    expect(nowcastWords({ kind: 'dry', horizonMin: 93 })).toBe(
      'No rain expected in the next 1 h 30 min'
    )
    expect(nowcastWords({ kind: 'dry', horizonMin: 118 })).toBe('No rain expected in the next 2 h')
    expect(nowcastWords({ kind: 'dry', horizonMin: 7 })).toBe('No rain expected in the next 15 min')
  })

  it('says when rain starts: "Rain starting in about 20 min"', () => {
    // Now is 12:05. The quarter 12:30–12:45 is the first wet one: it starts in 25 min.
    const n = rainNowcast(quarters([0, 0, 0.4, 0.8, 0.2, 0, 0, 0]), T0 + 300)
    expect(n).toEqual({ kind: 'starting', inMin: 25, horizonMin: 115 })
    expect(nowcastWords(n)).toBe('Rain starting in about 25 min')
    expect(nowcastWords(rainNowcast(quarters([0, 0.3, 0, 0, 0, 0, 0, 0]), T0 + 300))).toBe(
      'Rain starting in about 10 min'
    )
    expect(nowcastWords(rainNowcast(quarters([0, 0.3, 0, 0, 0, 0, 0, 0]), T0 + 840))).toBe(
      'Rain starting any minute now'
    )
  })

  it('says when rain that is falling stops, or that it goes on', () => {
    const stopping = rainNowcast(quarters([0.5, 0.5, 0.2, 0, 0, 0, 0, 0]), T0 + 60)
    expect(stopping).toEqual({ kind: 'raining', stopsInMin: 44, horizonMin: 119 })
    expect(nowcastWords(stopping)).toBe('Rain stopping in about 45 min')
    const on = rainNowcast(quarters([1, 1, 1, 1, 1, 1, 1, 1]), T0)
    expect(nowcastWords(on)).toBe('Rain for at least the next 2 h')
  })

  it('says dry when no quarter reaches 0.1 mm, and nothing without 15-minute data', () => {
    expect(nowcastWords(rainNowcast(quarters([0, 0.05, 0, 0, 0, 0, 0, 0]), T0))).toBe(
      'No rain expected in the next 2 h'
    )
    expect(rainNowcast(undefined, T0)).toEqual({ kind: 'unavailable' })
    // An old report: its quarters are all in the past.
    expect(rainNowcast(quarters([1, 1]), T0 + 4 * 3600)).toEqual({ kind: 'unavailable' })
    expect(nowcastWords({ kind: 'unavailable' })).toBeNull()
  })

  it('claims nothing past a gap in the data', () => {
    const n = rainNowcast(quarters([0, 0, null, 0.8, 0.8, 0.8, 0.8, 0.8]), T0)
    expect(n).toEqual({ kind: 'dry', horizonMin: 30 })
    expect(nowcastWords(n)).toBe('No rain expected in the next 30 min')
  })

  it('lists the quarters still to come for a chart, at most two hours ahead', () => {
    const series = quarters([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    const steps = nextQuarters(series, T0)
    expect(steps).toHaveLength(8)
    expect(steps[0]).toEqual({ start: T0, end: T0 + Q, precipitation: 0.1 })
    // Part-way through a quarter, it is still to come (and so is one more at the far end).
    expect(nextQuarters(series, T0 + 100)).toHaveLength(9)
  })
})

describe('pressure, UV, visibility and daylight', () => {
  const hourly = (pressure: (number | null)[]): Hourly =>
    ({ time: pressure.map((_, i) => T0 + i * 3600), pressure_msl: pressure }) as unknown as Hourly

  it('gives the pressure trend over the past three hours, or the next three at the start', () => {
    const h = hourly([1016, 1015.4, 1014.8, 1013, 1013.5, 1013.2, 1013.4])
    expect(pressureAt(h, T0 + 3 * 3600 + 60)).toEqual({
      hPa: 1013,
      trend: 'falling',
      change: -3,
      over: 'past'
    })
    expect(pressureAt(h, T0 + 6 * 3600)).toMatchObject({ trend: 'steady', change: 0.4 })
    expect(pressureAt(h, T0)).toEqual({ hPa: 1016, trend: 'falling', change: -3, over: 'next' })
    expect(pressureAt(hourly([1010, 1011, 1012, 1013]), T0 + 3 * 3600)?.trend).toBe('rising')
    expect(formatPressureReading(pressureAt(h, T0 + 3 * 3600))).toBe('1013 hPa, falling')
    expect(pressureAt(hourly([null, 1012]), T0)).toBeNull()
  })

  it('reads the details of a fresh report, and none of an old one stored without them', () => {
    const nowMs = Date.UTC(2025, 5, 1, 10, 20)
    const raw = forecastFor(48.85341, 2.3488, {
      nowMs,
      current: currentVars,
      hourly: hourlyVars,
      daily: dailyVars,
      minutely: minutelyVars,
      days: 8
    })
    const f = forecastLocationSchema.parse(raw)
    const d = detailsAt(f, nowMs / 1000)
    expect(d.pressure?.hPa).toBe(f.current?.pressure_msl)
    expect(d.dewPoint).toBe(f.current?.dew_point_2m)
    expect(d.uvIndex).toBeGreaterThan(0)
    expect(d.visibility).toBeGreaterThan(0)
    // Paris on 1 June: about 16 h of daylight.
    expect(d.daylight! / 3600).toBeGreaterThan(15)
    expect(d.daylight! / 3600).toBeLessThan(17)

    // A report stored before these variables were asked for still reads, with no details.
    const old = structuredClone(raw) as {
      hourly: Record<string, unknown>
      daily: Record<string, unknown>
      current: Record<string, unknown>
    }
    for (const k of ['pressure_msl', 'uv_index', 'visibility', 'dew_point_2m', 'cloud_cover']) {
      delete old.hourly[k]
      delete old.current[k]
    }
    delete old.daily.daylight_duration
    delete old.daily.uv_index_max
    const parsed = forecastLocationSchema.parse(old)
    const none = detailsAt(parsed, nowMs / 1000)
    expect(none).toMatchObject({ uvIndex: null, pressure: null, visibility: null, dewPoint: null })
    // Daylight still comes from sunrise and sunset.
    expect(none.daylight).toBe(parsed.daily.sunset[0]! - parsed.daily.sunrise[0]!)
  })

  it('puts UV in the WHO bands and visibility in km or miles', () => {
    expect([1, 3.4, 6.6, 8, 11.2].map(uvLevel)).toEqual([
      'low',
      'moderate',
      'high',
      'very-high',
      'extreme'
    ])
    expect(formatUv(6.4)).toBe('6 · High')
    expect(formatVisibility(24140, 'km')).toBe('24 km')
    expect(formatVisibility(800, 'km')).toBe('800 m')
    expect(formatVisibility(24140, 'mi')).toBe('15 mi')
    expect(formatVisibility(800, 'mi')).toBe('0.5 mi')
  })
})
