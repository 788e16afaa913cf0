import { addDays, daysBetween } from '@shared/weather/zoned-time'
import { cellFromKey, type Cell } from './cells'

/** A cell and one local day whose hours are wanted. */
export interface CellDay {
  readonly cell: string
  readonly date: string
}

/**
 * Per-request limits Skyfolio keeps to: at most 14 days (Open-Meteo counts a location's call
 * once up to two weeks, so a longer range costs more weight, not less) and at most 50
 * coordinates (a short URL, and one request never takes more than a twelfth of the per-minute
 * limit). Four hourly variables stay under the 10 that would add weight.
 */
export const MAX_LOCATIONS = 50
export const WINDOW_DAYS = 14
/** Days this recent come from the forecast API's `past_days`: the archive lags a few days. */
export const RECENT_DAYS = 5

export type PlannedRequest =
  | {
      readonly kind: 'archive'
      readonly startDate: string
      readonly endDate: string
      readonly cells: readonly Cell[]
      /** The cell-days this request answers. */
      readonly covers: readonly CellDay[]
    }
  | {
      readonly kind: 'recent'
      readonly pastDays: number
      readonly cells: readonly Cell[]
      readonly covers: readonly CellDay[]
    }

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Windows of at most `windowDays` covering every date in `dates` (sorted, distinct): each starts
 * at the first date not yet covered, which gives the fewest windows (greedy interval cover).
 */
export function dateWindows(dates: readonly string[], windowDays = WINDOW_DAYS): string[][] {
  const windows: string[][] = []
  for (const d of dates) {
    const current = windows[windows.length - 1]
    if (current && daysBetween(current[0]!, d) < windowDays) current.push(d)
    else windows.push([d])
  }
  return windows
}

/**
 * Groups the wanted cell-days into requests: by 14-day window (every cell with a day in it
 * shares the window's request, one coordinate each), split by 50 coordinates. Days from
 * `today` − RECENT_DAYS on go to the forecast API's past days instead.
 */
export function planRequests(
  wanted: readonly CellDay[],
  today: string,
  limits: { maxLocations?: number; windowDays?: number } = {}
): PlannedRequest[] {
  const maxLocations = limits.maxLocations ?? MAX_LOCATIONS
  const recentFrom = addDays(today, -RECENT_DAYS)
  const archive = wanted.filter((w) => w.date < recentFrom)
  const recent = wanted.filter((w) => w.date >= recentFrom)
  const requests: PlannedRequest[] = []

  const byDate = new Map<string, CellDay[]>()
  for (const w of archive) {
    const list = byDate.get(w.date) ?? []
    list.push(w)
    byDate.set(w.date, list)
  }
  for (const window of dateWindows([...byDate.keys()].sort(), limits.windowDays)) {
    const covers = window.flatMap((d) => byDate.get(d)!)
    const cells = [...new Set(covers.map((c) => c.cell))].sort()
    for (const part of chunk(cells, maxLocations)) {
      const inPart = new Set(part)
      requests.push({
        kind: 'archive',
        startDate: window[0]!,
        endDate: window[window.length - 1]!,
        cells: part.map(cellFromKey),
        covers: covers.filter((c) => inPart.has(c.cell))
      })
    }
  }

  if (recent.length > 0) {
    // One more day than the oldest: the place's today may be a day behind UTC's.
    const oldest = recent.reduce((a, w) => (w.date < a ? w.date : a), today)
    const pastDays = Math.min(92, Math.max(1, daysBetween(oldest, today) + 1))
    const cells = [...new Set(recent.map((c) => c.cell))].sort()
    for (const part of chunk(cells, maxLocations)) {
      const inPart = new Set(part)
      requests.push({
        kind: 'recent',
        pastDays,
        cells: part.map(cellFromKey),
        covers: recent.filter((c) => inPart.has(c.cell))
      })
    }
  }
  return requests
}

/**
 * The fewest requests that can cover `wanted` under the same per-request limits: at least one
 * per 14-day window the dates need (a lower bound no grouping can beat), and at least one per
 * 50 cell-windows. Recent days count as one more window.
 */
export function idealRequests(wanted: readonly CellDay[], today: string): number {
  const recentFrom = addDays(today, -RECENT_DAYS)
  const archive = wanted.filter((w) => w.date < recentFrom)
  const dates = [...new Set(archive.map((w) => w.date))].sort()
  const windows = dateWindows(dates)
  const windowOf = new Map<string, number>()
  windows.forEach((w, i) => w.forEach((d) => windowOf.set(d, i)))
  const cellWindows = new Set(archive.map((w) => `${w.cell}|${windowOf.get(w.date)}`)).size
  const recentCells = new Set(wanted.filter((w) => w.date >= recentFrom).map((w) => w.cell)).size
  return (
    Math.max(windows.length, Math.ceil(cellWindows / MAX_LOCATIONS)) +
    Math.ceil(recentCells / MAX_LOCATIONS)
  )
}
