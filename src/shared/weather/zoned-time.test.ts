import { describe, expect, it } from 'vitest'
import { forecastFor } from '../../../fixtures/open-meteo/synth-weather'
import { forecastLocationSchema } from './forecast-schema'
import {
  formatClock,
  formatDateKey,
  formatDay,
  formatDuration,
  formatHour,
  formatRelative
} from './format-time'
import { conditionsAt } from './now'
import { dayIndexAt, localDayIndex, nextHours } from './series'
import { localClock } from './time'
import { currentVars, dailyVars, hourlyVars } from './variables'
import {
  addDays,
  dayIndexOn,
  daysBetween,
  fixedDateKey,
  hoursOn,
  isDateKey,
  localDateKey,
  offsetAt,
  type PlaceZone
} from './zoned-time'

// Normalises the narrow no-break space newer ICU puts before AM/PM.
const plain = (s: string): string => s.replace(/\s/g, ' ')
const paris = (nowMs: number) =>
  forecastLocationSchema.parse(
    forecastFor(48.85341, 2.3488, {
      nowMs,
      current: currentVars,
      hourly: hourlyVars,
      daily: dailyVars,
      days: 8
    })
  )
const zoneOf = (f: { timezone: string; utc_offset_seconds: number }): PlaceZone => ({
  timezone: f.timezone,
  utcOffsetSeconds: f.utc_offset_seconds
})
const h23 = { locale: 'en-GB', hourCycle: 'h23' } as const

describe('a forecast across a daylight-saving change (Europe/Paris, 30 March 2025)', () => {
  // Fetched on Thursday 27 March, at +01:00; clocks go forward on Sunday at 02:00.
  const f = paris(Date.UTC(2025, 2, 27, 10, 0))
  const zone = zoneOf(f)

  it('comes with one fixed offset, as Open-Meteo answers', () => {
    expect(f.timezone).toBe('Europe/Paris')
    expect(f.utc_offset_seconds).toBe(3600)
  })

  it('labels hours on the zone’s clock: 01:00 is followed by 03:00, not 02:00', () => {
    const day = hoursOn(f.hourly.time, zone, '2025-03-30')
    expect(day).toHaveLength(23)
    expect(day.slice(0, 4).map((t) => formatClock(t, zone, h23))).toEqual([
      '00:00',
      '01:00',
      '03:00',
      '04:00'
    ])
    // A fixed offset (the old way) puts that same instant at 02:00, an hour that never was.
    expect(localClock(day[2]!, f.utc_offset_seconds)).toBe('02:00')
    expect(offsetAt(day[1]!, zone)).toBe(3600)
    expect(offsetAt(day[2]!, zone)).toBe(7200)
  })

  it('keeps the hourly strip’s labels right on the days after the change', () => {
    const monday = Date.UTC(2025, 2, 31, 10, 0) / 1000 // 12:00 in Paris (summer time)
    const [first] = nextHours(f.hourly, monday, 48)
    expect(formatClock(first!.time, zone, h23)).toBe('12:00')
    expect(formatHour(first!.time, zone, h23)).toBe('12')
    expect(plain(formatHour(first!.time, zone, { locale: 'en-US', hourCycle: 'h12' }))).toBe(
      '12 PM'
    )
  })

  it('reads each daily entry as the date Open-Meteo aggregated, one day after another', () => {
    const dates = f.daily.time.map((t) => fixedDateKey(t, f.utc_offset_seconds))
    expect(dates).toEqual(Array.from({ length: 8 }, (_, i) => addDays('2025-03-27', i)))
    expect(formatDateKey(dates[3]!, { locale: 'en-GB' })).toBe('Sun 30 Mar')
    expect(dayIndexOn(f.daily.time, f.utc_offset_seconds, '2025-04-01')).toBe(5)
  })
})

describe('the autumn change (Europe/Paris, 26 October 2025)', () => {
  // Fetched at +02:00; after Sunday 03:00 the zone is +01:00.
  const f = paris(Date.UTC(2025, 9, 23, 10, 0))
  const zone = zoneOf(f)

  it('dates a daily entry by the fixed offset: on the zone’s clock it is 23:00 the day before', () => {
    const i = dayIndexOn(f.daily.time, f.utc_offset_seconds, '2025-10-27')
    expect(i).toBe(4)
    const t = f.daily.time[i]!
    expect(formatClock(t, zone, h23)).toBe('23:00')
    expect(localDateKey(t, zone)).toBe('2025-10-26')
    expect(fixedDateKey(t, f.utc_offset_seconds)).toBe('2025-10-27')
  })

  it('shows Sunday’s high and low until midnight on Sunday evening, not Monday’s from 23:00', () => {
    const lateSunday = Date.UTC(2025, 9, 26, 22, 30) / 1000 // 23:30 in Paris, winter time
    expect(localDayIndex(f, lateSunday)).toBe(3)
    // Read at the fixed offset (the old way), it is already Monday.
    expect(dayIndexAt(f.daily.time, lateSunday)).toBe(4)
    const now = conditionsAt({ ...f, current: undefined }, lateSunday)
    expect(now?.todayMax).toBe(f.daily.temperature_2m_max[3])
    expect(now?.sunset).toBe(f.daily.sunset[3])
  })

  it('has a 25-hour Sunday, with 02:00 twice', () => {
    const day = hoursOn(f.hourly.time, zone, '2025-10-26')
    expect(day).toHaveLength(25)
    expect(day.slice(2, 5).map((t) => formatClock(t, zone, h23))).toEqual([
      '02:00',
      '02:00',
      '03:00'
    ])
  })
})

describe('times in words', () => {
  const zone: PlaceZone = { timezone: 'America/Chicago', utcOffsetSeconds: -18000 }
  const t = Date.UTC(2025, 5, 2, 19, 5) / 1000 // 14:05 in Chicago (CDT)

  it('follows the locale, unless the 12/24-hour setting overrides it', () => {
    expect(plain(formatClock(t, zone, { locale: 'en-US' }))).toBe('2:05 PM')
    expect(formatClock(t, zone, { locale: 'en-GB' })).toBe('14:05')
    expect(formatClock(t, zone, { locale: 'en-US', hourCycle: 'h23' })).toBe('14:05')
    expect(plain(formatClock(t, zone, { locale: 'en-GB', hourCycle: 'h12' }))).toMatch(/^2:05 pm$/i)
    expect(formatClock(t, zone, { locale: 'de-DE', hourCycle: 'auto' })).toBe('14:05')
    expect(formatDay(t, zone, { locale: 'en-GB' })).toBe('Mon 2 Jun')
  })

  it('falls back to the report’s own offset for a zone the runtime does not know', () => {
    const unknown: PlaceZone = { timezone: 'Mars/Olympus_Mons', utcOffsetSeconds: 3 * 3600 }
    expect(formatClock(Date.UTC(2025, 0, 1, 12, 0) / 1000, unknown, h23)).toBe('15:00')
    expect(localDateKey(Date.UTC(2025, 0, 1, 22, 0) / 1000, unknown)).toBe('2025-01-02')
  })

  it('says how long ago, or how soon, through Intl.RelativeTimeFormat', () => {
    const now = Date.UTC(2025, 5, 2, 12, 0)
    const en = { locale: 'en' }
    expect(formatRelative(now - 10_000, now, en)).toBe('now')
    expect(formatRelative(now - 12 * 60_000, now, en)).toBe('12 minutes ago')
    expect(formatRelative(now + 20 * 60_000, now, en)).toBe('in 20 minutes')
    expect(formatRelative(now - 3 * 3_600_000, now, en)).toBe('3 hours ago')
    expect(formatRelative(now - 30 * 3_600_000, now, en)).toBe('yesterday')
    expect(formatRelative(now - 60 * 3_600_000, now, en)).toBe('3 days ago')
    expect(formatRelative(now - 12 * 60_000, now, { locale: 'fr' })).toBe('il y a 12 minutes')
  })

  it('handles date keys and lengths of time', () => {
    expect(isDateKey('2025-02-29')).toBe(false)
    expect(isDateKey('2024-02-29')).toBe(true)
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3)
    expect(formatDuration(12 * 3600 + 34 * 60 + 10)).toBe('12 h 34 min')
    expect(formatDuration(null)).toBe('—')
  })
})
