import type { DateKey } from './zoned-time'

/**
 * How good the stored forecasts were at a place: for each lead time, the mean absolute error
 * of the daily high and low, and how often "rain / no rain" was called right.
 *
 * Each day counts once, however often it was refreshed: a day's figure is the mean over the
 * reports that predicted it at that lead, and the place's figure is the mean over days. So a
 * day refreshed every ten minutes weighs no more than one refreshed twice.
 */
export const ACCURACY_LEADS = [1, 2, 3, 5, 7] as const

/** Fewer observed days than this at a lead time say too little: "not enough reports yet". */
export const ACCURACY_MIN_DAYS = 3

/** A forecast calls rain when its chance of rain for the day is at least this, %. */
export const RAIN_CHANCE_PERCENT = 50

/** A day with at least this much precipitation (mm) was a day of rain. */
export const WET_DAY_MM = 0.2

export interface ForecastOfDay {
  date: DateKey
  leadDays: number
  high: number | null
  low: number | null
  precipitationProbability: number | null
}

export interface ObservedOfDay {
  date: DateKey
  high: number | null
  low: number | null
  precipitationSum: number | null
}

/** One figure: its value, and how many reports and days stand behind it. */
export interface Figure {
  value: number
  reports: number
  days: number
}

export type LeadAccuracy =
  | {
      state: 'not-enough'
      leadDays: number
      reports: number
      days: number
      /** Observed days still needed before figures are shown. */
      daysNeeded: number
    }
  | {
      state: 'ready'
      leadDays: number
      reports: number
      days: number
      /** Mean absolute error of the daily high, °C; null when no report had one. */
      high: Figure | null
      low: Figure | null
      /** Share (0–1) of rain / no-rain calls that were right. */
      rain: Figure | null
    }

export interface AccuracyOptions {
  leads?: readonly number[]
  minDays?: number
}

/** Per-day means, then their mean: `score` gives a report's number, or null to leave it out. */
function dayWeighted(
  forecasts: readonly ForecastOfDay[],
  observed: ReadonlyMap<DateKey, ObservedOfDay>,
  score: (f: ForecastOfDay, o: ObservedOfDay) => number | null
): Figure | null {
  const byDay = new Map<DateKey, number[]>()
  for (const f of forecasts) {
    const o = observed.get(f.date)
    const s = o ? score(f, o) : null
    if (s === null) continue
    const list = byDay.get(f.date) ?? []
    list.push(s)
    byDay.set(f.date, list)
  }
  if (byDay.size === 0) return null
  let sum = 0
  let reports = 0
  for (const list of byDay.values()) {
    sum += list.reduce((a, b) => a + b, 0) / list.length
    reports += list.length
  }
  return { value: sum / byDay.size, reports, days: byDay.size }
}

const absError =
  (key: 'high' | 'low') =>
  (f: ForecastOfDay, o: ObservedOfDay): number | null => {
    const p = f[key]
    const q = o[key]
    return p === null || q === null ? null : Math.abs(p - q)
  }

const rainCall = (f: ForecastOfDay, o: ObservedOfDay): number | null => {
  if (f.precipitationProbability === null || o.precipitationSum === null) return null
  const called = f.precipitationProbability >= RAIN_CHANCE_PERCENT
  const rained = o.precipitationSum >= WET_DAY_MM
  return called === rained ? 1 : 0
}

/** The figures for each lead time, from every report's predictions and the observed days. */
export function accuracyByLead(
  forecasts: readonly ForecastOfDay[],
  observedDays: readonly ObservedOfDay[],
  options: AccuracyOptions = {}
): LeadAccuracy[] {
  const leads = options.leads ?? ACCURACY_LEADS
  const minDays = options.minDays ?? ACCURACY_MIN_DAYS
  const observed = new Map(observedDays.map((o) => [o.date, o]))
  return leads.map((leadDays): LeadAccuracy => {
    const mine = forecasts.filter((f) => f.leadDays === leadDays && observed.has(f.date))
    const reports = mine.length
    const days = new Set(mine.map((f) => f.date)).size
    if (days < minDays) {
      return { state: 'not-enough', leadDays, reports, days, daysNeeded: minDays - days }
    }
    return {
      state: 'ready',
      leadDays,
      reports,
      days,
      high: dayWeighted(mine, observed, absError('high')),
      low: dayWeighted(mine, observed, absError('low')),
      rain: dayWeighted(mine, observed, rainCall)
    }
  })
}
