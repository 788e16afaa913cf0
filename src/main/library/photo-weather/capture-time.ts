import type { UnknownReason } from '@shared/contract/photo-weather'
import { addDays, isKnownZone, offsetAt, type PlaceZone } from '@shared/weather/zoned-time'

/** Earlier dates are a camera clock that was never set (1970, 1904…), not a photo's day. */
export const EARLIEST_DATE = '1971-01-01'

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/

/** The wall clock read as if it were UTC, in seconds; null when it is not a real time. */
export function wallAsUtc(local: string): number | null {
  const m = WALL.exec(local)
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const ms = Date.UTC(y, mo - 1, d, h, mi, s)
  // Date.UTC rolls 31 February over into March: such a date is not real.
  return new Date(ms).toISOString().slice(0, 19) === local ? ms / 1000 : null
}

/** The wall clock's calendar date: the place's local day, as Open-Meteo's `timezone=auto` counts. */
export const localDateOf = (local: string): string => local.slice(0, 10)

/**
 * Whether a capture's local date can have weather, before any zone is known: too early, or
 * later than tomorrow in UTC (no zone is more than 14 hours ahead).
 */
export function badDate(local: string, nowMs: number): UnknownReason | null {
  if (wallAsUtc(local) === null) return 'no-time'
  const date = localDateOf(local)
  if (date < EARLIEST_DATE) return 'too-early'
  const tomorrow = addDays(new Date(nowMs).toISOString().slice(0, 10), 1)
  return date > tomorrow ? 'future' : null
}

/**
 * The capture instant (unix seconds). With the camera's offset (OffsetTimeOriginal) that is
 * exact; otherwise the wall clock is read in the place's IANA zone, daylight saving included
 * (the answer's fixed offset stands in for a zone this runtime does not know). No zone at all:
 * the time cannot be placed.
 */
export function captureInstant(
  local: string,
  offsetMinutes: number | null,
  zone: PlaceZone | null
): { ok: true; at: number } | { ok: false; reason: UnknownReason } {
  const asUtc = wallAsUtc(local)
  if (asUtc === null) return { ok: false, reason: 'no-time' }
  if (offsetMinutes !== null) return { ok: true, at: asUtc - offsetMinutes * 60 }
  if (!zone || (!zone.timezone && !Number.isFinite(zone.utcOffsetSeconds))) {
    return { ok: false, reason: 'no-zone' }
  }
  if (!isKnownZone(zone.timezone)) return { ok: true, at: asUtc - zone.utcOffsetSeconds }
  // Two passes: the offset in force at the guessed instant, then at the corrected one.
  let at = asUtc - offsetAt(asUtc, zone)
  at = asUtc - offsetAt(at, zone)
  return { ok: true, at }
}

export const hourOf = (unixSec: number): number => Math.floor(unixSec / 3600) * 3600
