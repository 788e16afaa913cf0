import { fixedDateKey } from '@shared/weather/zoned-time'
import type { PastHours } from '@shared/weather/past-weather'
import { captureInstant, hourOf } from './capture-time'
import type { AnsweredLink, HourRow, PhotoWeatherStore } from './photo-weather-store'
import { conditionOf } from './weather-words'

/** The hours of `loc` on the wanted local days; and which of those days have any record. */
export function hoursOnDays(
  loc: PastHours,
  dates: ReadonlySet<string>,
  notAfter: number
): { rows: HourRow[]; recorded: Set<string> } {
  const rows: HourRow[] = []
  const recorded = new Set<string>()
  loc.time.forEach((t, i) => {
    if (t > notAfter) return
    // Open-Meteo applies one fixed offset to a whole answer: that is the day it counted.
    const date = fixedDateKey(t, loc.utcOffsetSeconds)
    if (!dates.has(date)) return
    const row: HourRow = {
      hour: t,
      temperature: loc.temperature[i] ?? null,
      code: loc.weatherCode[i] ?? null,
      wind: loc.windSpeed[i] ?? null,
      precipitation: loc.precipitation[i] ?? null
    }
    if (row.temperature === null && row.code === null) return
    rows.push(row)
    recorded.add(date)
  })
  return { rows, recorded }
}

/** Photos settled per transaction; the loop gets a turn between slices. */
export const LINK_SLICE = 100

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r))

type Settled = Parameters<PhotoWeatherStore['settleAll']>[0][number]

/**
 * Links pending photos whose day is answered: the capture instant (camera offset, else the
 * cell's zone), the hour containing it, that hour's weather. In slices of LINK_SLICE photos,
 * each its own transaction, so a big catch-up never holds main's loop for long.
 */
export async function linkPending(
  store: PhotoWeatherStore,
  answered: readonly AnsweredLink[],
  nowMs: number,
  slice = LINK_SLICE
): Promise<number> {
  let linked = 0
  const zones = new Map<string, ReturnType<PhotoWeatherStore['zone']>>()
  const zoneOf = (cell: string) => {
    if (!zones.has(cell)) zones.set(cell, store.zone(cell))
    return zones.get(cell)!
  }
  for (let from = 0; from < answered.length; from += slice) {
    if (from > 0) await yieldToLoop()
    const settled = answered.slice(from, from + slice).map((p) => settle(store, p, zoneOf, nowMs))
    linked += settled.filter((s) => s.state === 'linked').length
    store.settleAll(settled, nowMs)
  }
  return linked
}

function settle(
  store: PhotoWeatherStore,
  p: AnsweredLink,
  zoneOf: (cell: string) => ReturnType<PhotoWeatherStore['zone']>,
  nowMs: number
): Settled {
  const unknown = (reason: string): Settled => ({
    id: p.photo_id,
    state: 'unknown',
    reason,
    hour: null,
    code: null,
    condition: null,
    temperature: null
  })
  if (p.day === 'refused') return unknown('refused')
  const at = captureInstant(p.local, p.offset_min, zoneOf(p.cell))
  if (!at.ok) return unknown(at.reason)
  if (at.at * 1000 > nowMs + 3_600_000) return unknown('future')
  const hour = hourOf(at.at)
  const row = store.hour(p.cell, hour)
  if (!row) return unknown('no-record')
  return {
    id: p.photo_id,
    state: 'linked',
    reason: null,
    hour,
    code: row.code,
    condition: conditionOf(row.code),
    temperature: row.temperature
  }
}
