import { fixedDateKey } from '@shared/weather/zoned-time'
import type { PastHours } from '@shared/weather/past-weather'
import { captureInstant, hourOf } from './capture-time'
import type { HourRow, PendingLink, PhotoWeatherStore } from './photo-weather-store'
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

/**
 * Links pending photos whose day is answered: the capture instant (camera offset, else the
 * cell's zone), the hour containing it, that hour's weather. Photos on days not answered stay.
 */
export function linkPending(
  store: PhotoWeatherStore,
  pending: readonly PendingLink[],
  nowMs: number
): number {
  const settled: Parameters<PhotoWeatherStore['settleAll']>[0][number][] = []
  const unknown = (id: number, reason: string) =>
    settled.push({
      id,
      state: 'unknown',
      reason,
      hour: null,
      code: null,
      condition: null,
      temperature: null
    })
  let linked = 0
  const zones = new Map<string, ReturnType<PhotoWeatherStore['zone']>>()
  const zoneOf = (cell: string) => {
    if (!zones.has(cell)) zones.set(cell, store.zone(cell))
    return zones.get(cell)!
  }
  for (const p of pending) {
    const day = store.dayAnswered(p.cell, p.local_date)
    if (day === null) continue
    if (day === 'refused') {
      unknown(p.photo_id, 'refused')
      continue
    }
    const at = captureInstant(p.local, p.offset_min, zoneOf(p.cell))
    if (!at.ok) {
      unknown(p.photo_id, at.reason)
      continue
    }
    if (at.at * 1000 > nowMs + 3_600_000) {
      unknown(p.photo_id, 'future')
      continue
    }
    const hour = hourOf(at.at)
    const row = store.hour(p.cell, hour)
    if (!row) {
      unknown(p.photo_id, 'no-record')
      continue
    }
    linked++
    settled.push({
      id: p.photo_id,
      state: 'linked',
      reason: null,
      hour,
      code: row.code,
      condition: conditionOf(row.code),
      temperature: row.temperature
    })
  }
  if (settled.length > 0) store.settleAll(settled, nowMs)
  return linked
}
