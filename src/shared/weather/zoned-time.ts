/**
 * A place's clock and calendar in its IANA time zone, so a daylight-saving change inside a
 * forecast is right. Open-Meteo names the zone (`timezone`) but applies one fixed offset
 * (`utc_offset_seconds`, the one in force when asked) to a whole answer: hours are read on the
 * zone's clock, while a daily entry's date is read at that fixed offset, since that is the day
 * Open-Meteo aggregated.
 */
export interface PlaceZone {
  /** IANA name, e.g. "Europe/Paris". */
  readonly timezone: string
  /** The answer's fixed offset: the fallback for a zone this runtime does not know. */
  readonly utcOffsetSeconds: number
}

export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  /** 0 = Sunday. */
  readonly weekday: number
}

const DAY_MS = 86_400_000
const weekdayIndex: Record<string, number> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6
}
const partsFormatters = new Map<string, Intl.DateTimeFormat | null>()

function partsFormatter(timezone: string): Intl.DateTimeFormat | null {
  if (partsFormatters.has(timezone)) return partsFormatters.get(timezone)!
  let f: Intl.DateTimeFormat | null
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short'
    })
  } catch {
    // A name this runtime's time-zone data lacks: the report's own offset stands in.
    f = null
  }
  partsFormatters.set(timezone, f)
  return f
}

/** Whether this runtime knows `timezone` (formatting falls back to the fixed offset if not). */
export const isKnownZone = (timezone: string): boolean => partsFormatter(timezone) !== null

function fixedClock(unixSec: number, offsetSec: number): WallClock {
  const d = new Date((unixSec + offsetSec) * 1000)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay()
  }
}

/** The place's wall clock at `unixSec`. */
export function wallClock(unixSec: number, zone: PlaceZone): WallClock {
  const f = partsFormatter(zone.timezone)
  if (!f) return fixedClock(unixSec, zone.utcOffsetSeconds)
  const parts = f.formatToParts(new Date(unixSec * 1000))
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    weekday: weekdayIndex[get('weekday')] ?? 0
  }
}

/** Seconds east of UTC on the place's clock at `unixSec` (DST included). */
export function offsetAt(unixSec: number, zone: PlaceZone): number {
  const c = wallClock(unixSec, zone)
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) / 1000
  return asUtc - Math.floor(unixSec / 60) * 60
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A calendar date as "YYYY-MM-DD": the key days are stored and compared by. */
export type DateKey = string

export const dateKeyOf = (c: Pick<WallClock, 'year' | 'month' | 'day'>): DateKey =>
  `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`

/** The place's calendar date at `unixSec`. */
export const localDateKey = (unixSec: number, zone: PlaceZone): DateKey =>
  dateKeyOf(wallClock(unixSec, zone))

/**
 * The date a daily entry stands for: Open-Meteo's daily `time` is local midnight at the
 * answer's fixed offset, which after a DST change is 23:00 or 01:00 on the zone's clock.
 */
export const fixedDateKey = (unixSec: number, offsetSec: number): DateKey =>
  dateKeyOf(fixedClock(unixSec, offsetSec))

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight UTC of a date key, in ms; NaN for a key that is not a real date. */
export function dateKeyMs(key: DateKey): number {
  const m = DATE_KEY.exec(key)
  if (!m) return NaN
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return dateKeyOf(fixedClock(ms / 1000, 0)) === key ? ms : NaN
}

export const isDateKey = (key: string): boolean => !Number.isNaN(dateKeyMs(key))

export const addDays = (key: DateKey, days: number): DateKey =>
  dateKeyOf(fixedClock((dateKeyMs(key) + days * DAY_MS) / 1000, 0))

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: DateKey, to: DateKey): number =>
  Math.round((dateKeyMs(to) - dateKeyMs(from)) / DAY_MS)

/** Index of the daily entry for `key`, or -1. */
export function dayIndexOn(dailyTime: readonly number[], offsetSec: number, key: DateKey): number {
  return dailyTime.findIndex((t) => fixedDateKey(t, offsetSec) === key)
}

/** The hours (unix seconds) of `hourly` that fall on `key` by the place's clock. */
export function hoursOn(hourlyTime: readonly number[], zone: PlaceZone, key: DateKey): number[] {
  return hourlyTime.filter((t) => localDateKey(t, zone) === key)
}
