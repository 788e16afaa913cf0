import type { Place, ReportSummary } from '@shared/contract/weather'
import {
  formatClock,
  formatClockSeconds,
  formatDayClock,
  type TimeStyle
} from '@shared/weather/format-time'
import { localDateKey, type PlaceZone } from '@shared/weather/zoned-time'

type Named = Pick<Place, 'name' | 'admin1' | 'country'>
type Fetched = Pick<ReportSummary, 'placeId' | 'fetchedAt'>

/** The user's own zone, as the History list tells fetch times. */
export const userZone = (atMs: number): PlaceZone => ({
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  utcOffsetSeconds: -new Date(atMs).getTimezoneOffset() * 60
})

/**
 * What to call each of two compared reports, e.g. "Sydney" and "Anchorage": the place names;
 * two places of one name add their region ("Paris, Île-de-France"); two reports of one place
 * are told apart by when they were fetched, on the user's clock as the History list says it
 * ("Sydney 08:00", with the day when the days differ). The two names always differ.
 */
export function compareLabels(
  a: Fetched,
  b: Fetched,
  places: ReadonlyMap<number, Named>,
  style: TimeStyle = {},
  zone: PlaceZone = userZone(b.fetchedAt)
): [string, string] {
  const name = (r: Fetched): string => places.get(r.placeId)?.name ?? 'Report'
  const region = (r: Fetched): string => {
    const p = places.get(r.placeId)
    return p ? `${p.name}, ${p.admin1 ?? p.country}` : 'Report'
  }
  let labels: [string, string]
  if (a.placeId !== b.placeId) {
    labels = name(a) === name(b) ? [region(a), region(b)] : [name(a), name(b)]
  } else {
    const at = (r: Fetched): number => Math.floor(r.fetchedAt / 1000)
    const sameDay = localDateKey(at(a), zone) === localDateKey(at(b), zone)
    // Two fetches in one minute (a refresh right after another) read to the second.
    const sameMinute = formatClock(at(a), zone, style) === formatClock(at(b), zone, style)
    const when = (r: Fetched): string =>
      (sameDay ? (sameMinute ? formatClockSeconds : formatClock) : formatDayClock)(
        at(r),
        zone,
        style
      )
    labels = [`${name(a)} ${when(a)}`, `${name(b)} ${when(b)}`]
  }
  return labels[0] === labels[1] ? [`${labels[0]} (1)`, `${labels[1]} (2)`] : labels
}

/** "Sydney vs Anchorage". */
export const versus = ([a, b]: readonly [string, string]): string => `${a} vs ${b}`
