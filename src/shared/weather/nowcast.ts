import type { Minutely } from './forecast-schema'

/**
 * Rain in the next two hours from the 15-minute series. Each value is the precipitation of the
 * quarter hour that ends at its time, so the quarter at `t` covers [t − 15 min, t).
 */
const QUARTER = 900

/** A quarter hour with at least this much (mm) counts as rain. */
export const RAIN_QUARTER_MM = 0.1

export interface Quarter {
  start: number
  end: number
  precipitation: number | null
}

export type Nowcast =
  /** The report has no 15-minute steps that reach past `atSec`. */
  | { kind: 'unavailable' }
  | { kind: 'dry'; horizonMin: number }
  | { kind: 'starting'; inMin: number; horizonMin: number }
  /** `stopsInMin` null: it rains as far as the steps reach. */
  | { kind: 'raining'; stopsInMin: number | null; horizonMin: number }

/** The quarters not yet over at `atSec`, up to `horizonSec` ahead. */
export function nextQuarters(
  minutely: Minutely | undefined | null,
  atSec: number,
  horizonSec = 2 * 3600
): Quarter[] {
  if (!minutely) return []
  const out: Quarter[] = []
  minutely.time.forEach((end, i) => {
    if (end <= atSec || end - QUARTER >= atSec + horizonSec) return
    out.push({ start: end - QUARTER, end, precipitation: minutely.precipitation[i] ?? null })
  })
  return out
}

const wet = (q: Quarter): boolean => (q.precipitation ?? 0) >= RAIN_QUARTER_MM
const minutesUntil = (t: number, atSec: number): number => Math.max(0, Math.round((t - atSec) / 60))

export function rainNowcast(minutely: Minutely | undefined | null, atSec: number): Nowcast {
  const quarters = nextQuarters(minutely, atSec)
  // A gap (null) ends what can be said: nothing is claimed about steps with no data.
  const firstGap = quarters.findIndex((q) => q.precipitation === null)
  const steps = firstGap < 0 ? quarters : quarters.slice(0, firstGap)
  if (steps.length === 0) return { kind: 'unavailable' }
  const horizonMin = minutesUntil(steps[steps.length - 1]!.end, atSec)
  const first = steps[0]!
  if (wet(first) && first.start <= atSec) {
    const dry = steps.find((q) => !wet(q))
    return { kind: 'raining', stopsInMin: dry ? minutesUntil(dry.start, atSec) : null, horizonMin }
  }
  const rain = steps.find(wet)
  if (!rain) return { kind: 'dry', horizonMin }
  return { kind: 'starting', inMin: minutesUntil(rain.start, atSec), horizonMin }
}

/** "about 20 min", "about 1 h 30 min": rounded to five minutes, as a forecast deserves. */
function about(minutes: number): string {
  const m = Math.max(5, Math.round(minutes / 5) * 5)
  if (m < 60) return `about ${m} min`
  const h = Math.floor(m / 60)
  const rest = m % 60
  return rest ? `about ${h} h ${rest} min` : `about ${h} h`
}

/** A horizon in whole quarter hours ("45 min", "1 h 30 min", "2 h"): the steps are quarters. */
function span(minutes: number): string {
  const m = Math.max(15, Math.round(minutes / 15) * 15)
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  const rest = m % 60
  return rest ? `${h} h ${rest} min` : `${h} h`
}

/** The nowcast in one line ("Rain starting in about 20 min"); null when there is none. */
export function nowcastWords(n: Nowcast): string | null {
  switch (n.kind) {
    case 'unavailable':
      return null
    case 'dry':
      return `No rain expected in the next ${span(n.horizonMin)}`
    case 'starting':
      return n.inMin < 3 ? 'Rain starting any minute now' : `Rain starting in ${about(n.inMin)}`
    case 'raining':
      return n.stopsInMin === null
        ? `Rain for at least the next ${span(n.horizonMin)}`
        : `Rain stopping in ${about(n.stopsInMin)}`
  }
}
