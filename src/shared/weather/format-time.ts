import type { Settings } from '../contract/settings'
import { dateKeyMs, isKnownZone, type DateKey, type PlaceZone } from './zoned-time'

/**
 * Times in words, by the platform: Intl.DateTimeFormat on the place's clock and
 * Intl.RelativeTimeFormat, in the user's locale, with the 12/24-hour setting as an override.
 */
export type HourCycle = Settings['hourCycle']

export interface TimeStyle {
  /** 'auto' follows the locale. */
  readonly hourCycle?: HourCycle
  /** A BCP 47 tag; undefined is the runtime's (the user's) locale. */
  readonly locale?: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The hour cycle `style` comes to in its locale: 'h23' (or 'h24') is a 24-hour clock. */
function resolvedCycle(style: TimeStyle): string | undefined {
  const cycle = style.hourCycle && style.hourCycle !== 'auto' ? style.hourCycle : undefined
  return (
    cycle ?? new Intl.DateTimeFormat(style.locale, { hour: 'numeric' }).resolvedOptions().hourCycle
  )
}

function formatter(style: TimeStyle, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([style.locale ?? '', style.hourCycle ?? 'auto', options])
  let f = formatters.get(key)
  if (!f) {
    const cycle = style.hourCycle && style.hourCycle !== 'auto' ? style.hourCycle : undefined
    const all: Intl.DateTimeFormatOptions = cycle
      ? { ...options, hourCycle: cycle }
      : { ...options }
    // A 24-hour clock reads "09:00"; forcing the cycle alone would give "9:00".
    const resolved = options.hour ? resolvedCycle(style) : undefined
    if (all.hour === 'numeric' && (resolved === 'h23' || resolved === 'h24')) all.hour = '2-digit'
    f = new Intl.DateTimeFormat(style.locale, all)
    formatters.set(key, f)
  }
  return f
}

/**
 * The zone to format in: the place's own, or, for a name this runtime lacks, UTC with the
 * instant moved by the report's offset (right until the next clock change).
 */
function on(zone: PlaceZone, unixSec: number): [string, Date] {
  return isKnownZone(zone.timezone)
    ? [zone.timezone, new Date(unixSec * 1000)]
    : ['UTC', new Date((unixSec + zone.utcOffsetSeconds) * 1000)]
}

function format(
  unixSec: number,
  zone: PlaceZone,
  style: TimeStyle,
  options: Intl.DateTimeFormatOptions
): string {
  const [timeZone, date] = on(zone, unixSec)
  return formatter(style, { ...options, timeZone }).format(date)
}

/** "14:05" or "2:05 PM" on the place's clock. */
export const formatClock = (unixSec: number, zone: PlaceZone, style: TimeStyle = {}): string =>
  format(unixSec, zone, style, { hour: 'numeric', minute: '2-digit' })

/** "14:05:09" or "2:05:09 PM": two fetches in one minute told apart. */
export const formatClockSeconds = (
  unixSec: number,
  zone: PlaceZone,
  style: TimeStyle = {}
): string => format(unixSec, zone, style, { hour: 'numeric', minute: '2-digit', second: '2-digit' })

/** "14" or "2 PM": an hourly strip's label. */
export const formatHour = (unixSec: number, zone: PlaceZone, style: TimeStyle = {}): string =>
  format(unixSec, zone, style, { hour: 'numeric' })

/** "Tue" on the place's calendar. */
export const formatWeekday = (unixSec: number, zone: PlaceZone, style: TimeStyle = {}): string =>
  format(unixSec, zone, style, { weekday: 'short' })

/** "Tue 14 May" (in the locale's order) on the place's calendar. */
export const formatDay = (unixSec: number, zone: PlaceZone, style: TimeStyle = {}): string =>
  format(unixSec, zone, style, { weekday: 'short', day: 'numeric', month: 'short' })

/** "Tue 14 May, 14:05": when a report was fetched, on the place's clock. */
export const formatDayClock = (unixSec: number, zone: PlaceZone, style: TimeStyle = {}): string =>
  format(unixSec, zone, style, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit'
  })

/** A date key ("2025-03-30") as "Sun 30 Mar": no zone involved, the date is the date. */
export function formatDateKey(key: DateKey, style: TimeStyle = {}): string {
  const ms = dateKeyMs(key)
  if (Number.isNaN(ms)) return key
  return formatter(style, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC'
  }).format(new Date(ms + 12 * 3_600_000))
}

/** A time on the user's own clock (when no place is involved), e.g. the offline banner's. */
export const formatLocalClock = (ms: number, style: TimeStyle = {}): string =>
  formatter(style, { hour: 'numeric', minute: '2-digit' }).format(new Date(ms))

const relatives = new Map<string, Intl.RelativeTimeFormat>()

/** "just now", "12 minutes ago", "in 20 minutes", "yesterday", in the user's locale. */
export function formatRelative(thenMs: number, nowMs: number, style: TimeStyle = {}): string {
  const key = style.locale ?? ''
  let rtf = relatives.get(key)
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(style.locale, { numeric: 'auto', style: 'long' })
    relatives.set(key, rtf)
  }
  const sec = (thenMs - nowMs) / 1000
  // Rounded away from the sign, so "90 minutes ago" and "in 90 minutes" say the same number.
  const whole = (x: number): number => Math.sign(x) * Math.round(Math.abs(x))
  if (Math.abs(sec) < 45) return rtf.format(0, 'second')
  if (Math.abs(sec) < 3600) return rtf.format(whole(sec / 60), 'minute')
  if (Math.abs(sec) < 24 * 3600) return rtf.format(whole(sec / 3600), 'hour')
  return rtf.format(whole(sec / 86_400), 'day')
}

/** "12 h 34 min": a length of time such as the daylight of a day. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—'
  const total = Math.round(seconds / 60)
  const h = Math.floor(total / 60)
  const m = total % 60
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`
}
