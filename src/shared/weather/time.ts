/**
 * Times in reports are unix seconds. These helpers shift by one fixed offset, which is wrong
 * after a daylight-saving change inside a forecast: read a place's clock with format-time.ts
 * (its IANA zone, the user's locale and 12/24-hour setting) instead.
 */
const shifted = (unixSec: number, offsetSec: number): Date => new Date((unixSec + offsetSec) * 1000)

const pad = (n: number): string => String(n).padStart(2, '0')
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "14:05" on the place's clock. */
export function localClock(unixSec: number, offsetSec: number): string {
  const d = shifted(unixSec, offsetSec)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export function localHour(unixSec: number, offsetSec: number): number {
  return shifted(unixSec, offsetSec).getUTCHours()
}

/** "Tue 14 May" on the place's calendar. */
export function localDay(unixSec: number, offsetSec: number): string {
  const d = shifted(unixSec, offsetSec)
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]}`
}

export function localWeekday(unixSec: number, offsetSec: number): string {
  return weekdays[shifted(unixSec, offsetSec).getUTCDay()]!
}

/** "UTC+02:00" */
export function offsetLabel(offsetSec: number): string {
  const sign = offsetSec < 0 ? '−' : '+'
  const abs = Math.abs(offsetSec)
  return `UTC${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function ago(thenMs: number, nowMs: number): string {
  const min = Math.floor((nowMs - thenMs) / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h ago`
  return `${Math.floor(h / 24)} days ago`
}

/** A report is stale once it is well past its refresh interval. */
export function isStale(fetchedAtMs: number, nowMs: number, refreshIntervalMin: number): boolean {
  return nowMs - fetchedAtMs > (refreshIntervalMin * 1.5 + 5) * 60_000
}

/** "Paris, Île-de-France, FR" — enough to tell Paris, FR from Paris, TX. */
export function placeLabel(p: {
  name: string
  admin1?: string | null
  countryCode?: string | null
  country?: string | null
}): string {
  return [p.name, p.admin1, p.countryCode || p.country].filter(Boolean).join(', ')
}
