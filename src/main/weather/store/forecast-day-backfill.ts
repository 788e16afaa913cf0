import type Database from 'better-sqlite3'
import { dayPredictions, type DailyLike } from '@shared/weather/day-predictions'
import { insertForecastDaysSql } from './forecast-day-repository'

interface Row {
  id: number
  place_id: number
  fetched_at: number
  utc_offset_seconds: number
  payload: string
}

/**
 * Reports stored before forecast days were kept: their predictions, read from the payloads
 * once. A payload that no longer parses is left out here; reading that report says why.
 */
export function backfillForecastDays(db: Database.Database): number {
  const insert = db.prepare(insertForecastDaysSql)
  // In pages: payloads are large, and a statement cannot write while another iterates.
  const page = db.prepare<[number], Row>(
    `SELECT id, place_id, fetched_at, utc_offset_seconds, payload FROM weather_reports
     WHERE id > ? ORDER BY id LIMIT 200`
  )
  let written = 0
  for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.id)) {
    for (const r of rows) written += backfillOne(insert, r)
  }
  return written
}

function backfillOne(insert: Database.Statement, r: Row): number {
  let daily: DailyLike | undefined
  try {
    daily = (JSON.parse(r.payload) as { forecast?: { daily?: DailyLike } }).forecast?.daily
  } catch {
    return 0
  }
  if (!daily || !Array.isArray(daily.time)) return 0
  const predictions = dayPredictions(daily, r.utc_offset_seconds, r.fetched_at)
  for (const p of predictions) {
    insert.run(
      r.id,
      r.place_id,
      r.fetched_at,
      p.date,
      p.leadDays,
      p.high,
      p.low,
      p.precipitationProbability,
      p.precipitationSum,
      p.weatherCode
    )
  }
  return predictions.length
}
