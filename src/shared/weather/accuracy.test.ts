import { describe, expect, it } from 'vitest'
import { observedDay } from '../../../fixtures/open-meteo/synth-days'
import { forecastFor } from '../../../fixtures/open-meteo/synth-weather'
import {
  ACCURACY_LEADS,
  accuracyByLead,
  RAIN_CHANCE_PERCENT,
  type ForecastOfDay,
  type LeadAccuracy,
  type ObservedOfDay
} from './accuracy'
import { dayPredictions } from './day-predictions'
import { dailyVars } from './variables'
import { addDays, fixedDateKey } from './zoned-time'

const f = (
  date: string,
  leadDays: number,
  high: number | null,
  low: number | null,
  precipitationProbability: number | null
): ForecastOfDay => ({ date, leadDays, high, low, precipitationProbability })
const o = (date: string, high: number, low: number, precipitationSum: number): ObservedOfDay => ({
  date,
  high,
  low,
  precipitationSum
})

const ready = (a: LeadAccuracy | undefined) => {
  expect(a?.state).toBe('ready')
  return a as Extract<LeadAccuracy, { state: 'ready' }>
}

describe('forecast accuracy by lead time (known answers)', () => {
  it('weighs each day once, however many reports predicted it', () => {
    const forecasts = [
      // Day 1: two reports, off by 1 and 3 (mean 2); day 2: one report off by 4; day 3: off by 0.
      f('2025-06-01', 1, 21, 10, 80),
      f('2025-06-01', 1, 23, 10, 20),
      f('2025-06-02', 1, 16, 12, 10),
      f('2025-06-03', 1, 18, 9, 60)
    ]
    const observed = [
      o('2025-06-01', 20, 11, 3.4),
      o('2025-06-02', 20, 12, 0),
      o('2025-06-03', 18, 10, 0.1)
    ]
    const [one] = accuracyByLead(forecasts, observed, { leads: [1] })
    const a = ready(one)
    // Per day: (2 + 4 + 0) / 3 = 2, not the per-report mean (1 + 3 + 4 + 0) / 4 = 2.
    expect(a.high).toEqual({ value: 2, reports: 4, days: 3 })
    // Lows: day 1 off by 1 (both), day 2 by 0, day 3 by 1: (1 + 0 + 1) / 3.
    expect(a.low?.value).toBeCloseTo(2 / 3, 12)
    // Rain: day 1 half right (80% called it, 20% did not), day 2 right (dry), day 3 wrong
    // (60% called rain, 0.1 mm is below a wet day).
    expect(a.rain?.value).toBeCloseTo((0.5 + 1 + 0) / 3, 12)
    expect(a.rain?.reports).toBe(4)
    expect(a.reports).toBe(4)
    expect(a.days).toBe(3)
  })

  it('per-day weighting differs from the per-report mean when refreshes are uneven', () => {
    const forecasts = [
      ...Array.from({ length: 9 }, () => f('2025-06-01', 2, 21, null, null)),
      f('2025-06-02', 2, 25, null, null),
      f('2025-06-03', 2, 20, null, null)
    ]
    const observed = ['2025-06-01', '2025-06-02', '2025-06-03'].map((d) => o(d, 20, 10, 0))
    const a = ready(accuracyByLead(forecasts, observed, { leads: [2] })[0])
    expect(a.high?.value).toBeCloseTo((1 + 5 + 0) / 3, 12)
    // Values that were never predicted have no figure, rather than a zero.
    expect(a.low).toBeNull()
    expect(a.rain).toBeNull()
  })

  it('says "not enough" below the threshold, with how many days are still needed', () => {
    const forecasts = [f('2025-06-01', 3, 20, 10, 0), f('2025-06-02', 3, 20, 10, 0)]
    const observed = [o('2025-06-01', 20, 10, 0), o('2025-06-02', 20, 10, 0)]
    const [a, b] = accuracyByLead(forecasts, observed, { leads: [3, 5] })
    expect(a).toEqual({ state: 'not-enough', leadDays: 3, reports: 2, days: 2, daysNeeded: 1 })
    expect(b).toEqual({ state: 'not-enough', leadDays: 5, reports: 0, days: 0, daysNeeded: 3 })
  })

  it('leaves out predictions of days not observed yet', () => {
    const forecasts = ['01', '02', '03', '04'].map((d) => f(`2025-06-${d}`, 1, 22, 12, 0))
    const observed = ['01', '02', '03'].map((d) => o(`2025-06-${d}`, 20, 10, 0))
    const a = ready(accuracyByLead(forecasts, observed, { leads: [1] })[0])
    expect(a.reports).toBe(3)
    expect(a.high?.value).toBe(2)
  })

  it('on the fixture series: 0.5 °C more error per day ahead, and the rain calls it made', () => {
    // A report each day from 1 June for ten days (each covering eight days), at Paris.
    const [lat, lon] = [48.85341, 2.3488]
    const start = Date.UTC(2025, 5, 1, 9, 30)
    const forecasts: ForecastOfDay[] = []
    for (let d = 0; d < 10; d++) {
      const nowMs = start + d * 86_400_000
      const raw = forecastFor(lat, lon, {
        nowMs,
        current: [],
        hourly: [],
        daily: dailyVars,
        days: 8
      })
      const daily = raw.daily as Parameters<typeof dayPredictions>[0]
      forecasts.push(...dayPredictions(daily, raw.utc_offset_seconds as number, nowMs))
    }
    const offset = 7200
    const first = fixedDateKey(start / 1000, offset)
    const dates = Array.from({ length: 17 }, (_, i) => addDays(first, i))
    const observed = dates.map((date) => ({ date, ...observedDay(lat, lon, date, offset) }))
    // What really happened, day by day, as the forecast API's past_days tells it.
    const past = forecastFor(lat, lon, {
      nowMs: start + 18 * 86_400_000,
      current: [],
      hourly: [],
      daily: ['precipitation_probability_max'],
      days: 0,
      pastDays: 18
    }) as { daily: { time: number[]; precipitation_probability_max: number[] } }
    const truthChance = new Map(
      past.daily.time.map((t, i) => [
        fixedDateKey(t, offset),
        past.daily.precipitation_probability_max[i]!
      ])
    )

    const leads = accuracyByLead(forecasts, observed)
    expect(leads.map((l) => l.leadDays)).toEqual([...ACCURACY_LEADS])
    for (const l of leads) {
      const a = ready(l)
      expect(a.days).toBe(10)
      expect(a.reports).toBe(10)
      expect(a.high?.value).toBeCloseTo(0.5 * a.leadDays, 9)
      expect(a.low?.value).toBeCloseTo(0.5 * a.leadDays, 9)
      // The fixture's chance of rain is 10 points lower per day ahead.
      const mine = forecasts.filter((x) => x.leadDays === a.leadDays)
      const right = mine.filter((x) => {
        const called = truthChance.get(x.date)! - 10 * a.leadDays >= RAIN_CHANCE_PERCENT
        const rained = observed.find((y) => y.date === x.date)!.precipitationSum >= 0.2
        return called === rained
      }).length
      expect(a.rain?.value).toBeCloseTo(right / mine.length, 12)
    }
  })
})
