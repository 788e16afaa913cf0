import { describe, expect, it } from 'vitest'
import { callWeight } from '@shared/weather/call-weight'
import { badPosition, cellOf } from './cells'
import { badDate, captureInstant } from './capture-time'
import { dateWindows, idealRequests, planRequests, type CellDay } from './request-planner'
import { conditionOf, windWords } from './weather-words'

describe('grid cells', () => {
  it('round nearby positions (within the cell) to one centre, the only position sent', () => {
    const a = cellOf(48.8566, 2.3522)
    const b = cellOf(48.8712, 2.3801)
    expect(a.key).toBe(b.key)
    expect([a.latitude, a.longitude]).toEqual([48.9, 2.4])
    expect(cellOf(48.7, 2.35).key).not.toBe(a.key)
    expect(cellOf(10, 180).key).toBe(cellOf(10, -180).key)
  })

  it('name GPS (0, 0) and the poles as bad positions', () => {
    expect(badPosition(0, 0)).toBe('null-island')
    expect(badPosition(89.9, 10)).toBe('pole')
    expect(badPosition(-88, 10)).toBe('pole')
    expect(badPosition(51.5, -0.12)).toBeNull()
  })
})

describe('capture dates', () => {
  const now = Date.parse('2025-06-15T12:00:00Z')
  it('refuse 1970, the future and impossible dates; accept tomorrow (zones ahead of UTC)', () => {
    expect(badDate('1970-01-01T00:00:00', now)).toBe('too-early')
    expect(badDate('2025-06-18T10:00:00', now)).toBe('future')
    expect(badDate('2025-02-30T10:00:00', now)).toBe('no-time')
    expect(badDate('2025-06-16T08:00:00', now)).toBeNull()
    expect(badDate('2023-03-01T08:00:00', now)).toBeNull()
  })
})

describe('time-zone resolution', () => {
  const paris = { timezone: 'Europe/Paris', utcOffsetSeconds: 3600 }
  it('uses the camera offset when there is one', () => {
    const r = captureInstant('2024-07-14T14:00:00', 120, paris)
    expect(r).toEqual({ ok: true, at: Date.parse('2024-07-14T12:00:00Z') / 1000 })
  })
  it('reads the wall clock in the place zone, daylight saving included', () => {
    // Summer: UTC+2, though the answer's fixed offset says +1.
    expect(captureInstant('2024-07-14T14:00:00', null, paris)).toEqual({
      ok: true,
      at: Date.parse('2024-07-14T12:00:00Z') / 1000
    })
    expect(captureInstant('2024-01-14T14:00:00', null, paris)).toEqual({
      ok: true,
      at: Date.parse('2024-01-14T13:00:00Z') / 1000
    })
  })
  it('falls back to the fixed offset for an unknown zone, and says so when there is no zone', () => {
    const odd = { timezone: 'Mars/Olympus', utcOffsetSeconds: -3 * 3600 }
    expect(captureInstant('2024-07-14T14:00:00', null, odd)).toEqual({
      ok: true,
      at: Date.parse('2024-07-14T17:00:00Z') / 1000
    })
    expect(captureInstant('2024-07-14T14:00:00', null, null)).toEqual({
      ok: false,
      reason: 'no-zone'
    })
  })
})

describe('request planning', () => {
  const day = (cell: string, date: string): CellDay => ({ cell, date })

  it('covers a contiguous range of days in one window, and the fewest 14-day windows overall', () => {
    expect(
      dateWindows(['2024-01-01', '2024-01-05', '2024-01-14', '2024-01-15', '2024-03-01'])
    ).toEqual([['2024-01-01', '2024-01-05', '2024-01-14'], ['2024-01-15'], ['2024-03-01']])
  })

  it('shares one archive request among every cell with days in the same window', () => {
    const wanted = [
      day('488:23', '2024-05-01'),
      day('488:23', '2024-05-02'),
      day('488:23', '2024-05-03'),
      day('515:-1', '2024-05-06'),
      day('407:-740', '2024-05-10')
    ]
    const plan = planRequests(wanted, '2025-01-01')
    expect(plan).toHaveLength(1)
    const [r] = plan
    expect(r).toMatchObject({ kind: 'archive', startDate: '2024-05-01', endDate: '2024-05-10' })
    expect(r!.cells.map((c) => c.key)).toEqual(['407:-740', '488:23', '515:-1'])
    expect(r!.cells.find((c) => c.key === '407:-740')).toMatchObject({
      latitude: 40.7,
      longitude: -74
    })
    expect(idealRequests(wanted, '2025-01-01')).toBe(1)
  })

  it('splits a window by 50 coordinates and sends recent days to the forecast API', () => {
    const many = Array.from({ length: 120 }, (_, i) => day(`${i}:0`, '2024-05-01'))
    const recent = [day('1:1', '2025-01-30'), day('2:2', '2025-02-01')]
    const plan = planRequests([...many, ...recent], '2025-02-01')
    const archive = plan.filter((r) => r.kind === 'archive')
    expect(archive.map((r) => r.cells.length)).toEqual([50, 50, 20])
    const recentReqs = plan.filter((r) => r.kind === 'recent')
    expect(recentReqs).toHaveLength(1)
    expect(recentReqs[0]).toMatchObject({ kind: 'recent', pastDays: 3 })
    expect(idealRequests([...many, ...recent], '2025-02-01')).toBe(4)
  })
})

describe('call weights', () => {
  const base = 'https://archive-api.open-meteo.com/v1/archive?'
  it('count each location, more than 10 variables and more than two weeks as Open-Meteo does', () => {
    const vars = 'hourly=temperature_2m,weather_code,wind_speed_10m,precipitation'
    expect(
      callWeight(`${base}latitude=1&longitude=1&${vars}&start_date=2024-01-01&end_date=2024-01-14`)
    ).toBe(1)
    expect(
      callWeight(
        `${base}latitude=1,2,3&longitude=1,2,3&${vars}&start_date=2024-01-01&end_date=2024-01-14`
      )
    ).toBe(3)
    expect(
      callWeight(`${base}latitude=1&longitude=1&${vars}&start_date=2024-01-01&end_date=2024-01-28`)
    ).toBe(2)
    const twenty = Array.from({ length: 20 }, (_, i) => `v${i}`).join(',')
    expect(
      callWeight(
        `${base}latitude=1&longitude=1&hourly=${twenty}&start_date=2024-01-01&end_date=2024-01-01`
      )
    ).toBe(2)
  })
})

describe('words', () => {
  it('group WMO codes into the filter conditions and wind into Beaufort words', () => {
    expect([0, 3, 45, 63, 81, 73, 95].map(conditionOf)).toEqual([
      'clear',
      'cloudy',
      'fog',
      'rain',
      'rain',
      'snow',
      'thunderstorm'
    ])
    expect(windWords(8)).toBe('light breeze')
    expect(windWords(0)).toBe('calm')
  })
})
