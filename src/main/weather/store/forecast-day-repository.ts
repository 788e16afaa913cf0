import type { TrailPoint } from '@shared/contract/weather'
import type { ForecastOfDay } from '@shared/weather/accuracy'
import { dayPredictions, type DailyLike } from '@shared/weather/day-predictions'
import type { DateKey } from '@shared/weather/zoned-time'
import type { Db } from '../../platform/store/database'

export const insertForecastDaysSql = `INSERT OR IGNORE INTO weather_forecast_days
  (report_id, place_id, fetched_at, day, lead_days, temp_max, temp_min, precip_probability,
   precip_sum, weather_code)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

interface TrailRow {
  report_id: number
  fetched_at: number
  lead_days: number
  temp_max: number | null
  temp_min: number | null
  precip_probability: number | null
  precip_sum: number | null
  weather_code: number | null
}

/** What every stored report predicted for each day: written with the report, gone with it. */
export class ForecastDayRepository {
  private readonly insertStmt
  private readonly trailStmt
  private readonly daysStmt
  private readonly leadStmt
  private readonly unobservedStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(insertForecastDaysSql)
    this.trailStmt = db.prepare<[number, string], TrailRow>(
      `SELECT report_id, fetched_at, lead_days, temp_max, temp_min, precip_probability,
         precip_sum, weather_code
       FROM weather_forecast_days WHERE place_id = ? AND day = ?
       ORDER BY fetched_at, report_id`
    )
    this.daysStmt = db.prepare<[number], { day: string; reports: number; observed: number }>(
      `SELECT f.day AS day, count(*) AS reports, (o.day IS NOT NULL) AS observed
       FROM weather_forecast_days f
       LEFT JOIN weather_observations o ON o.place_id = f.place_id AND o.day = f.day
       WHERE f.place_id = ? GROUP BY f.day ORDER BY f.day DESC`
    )
    this.leadStmt = db.prepare<
      [number],
      {
        day: string
        lead_days: number
        temp_max: number | null
        temp_min: number | null
        precip_probability: number | null
      }
    >(
      `SELECT f.day, f.lead_days, f.temp_max, f.temp_min, f.precip_probability
       FROM weather_forecast_days f
       JOIN weather_observations o ON o.place_id = f.place_id AND o.day = f.day
       WHERE f.place_id = ?`
    )
    this.unobservedStmt = db.prepare<[number, string, number], { day: string }>(
      `SELECT DISTINCT f.day AS day FROM weather_forecast_days f
       WHERE f.place_id = ? AND f.day < ? AND NOT EXISTS (
         SELECT 1 FROM weather_observations o WHERE o.place_id = f.place_id AND o.day = f.day)
       ORDER BY f.day DESC LIMIT ?`
    )
  }

  /** A new report's predictions, one row per day it covers. */
  insertFor(
    reportId: number,
    placeId: number,
    fetchedAt: number,
    daily: DailyLike,
    utcOffsetSeconds: number
  ): void {
    for (const p of dayPredictions(daily, utcOffsetSeconds, fetchedAt)) {
      this.insertStmt.run(
        reportId,
        placeId,
        fetchedAt,
        p.date,
        p.leadDays,
        p.high,
        p.low,
        p.precipitationProbability,
        p.precipitationSum,
        p.weatherCode
      )
    }
  }

  /** Every report's prediction for `day`, oldest fetch first. */
  trail(placeId: number, day: DateKey): TrailPoint[] {
    return this.trailStmt.all(placeId, day).map((r) => ({
      reportId: r.report_id,
      fetchedAt: r.fetched_at,
      leadDays: r.lead_days,
      high: r.temp_max,
      low: r.temp_min,
      precipitationProbability: r.precip_probability,
      precipitationSum: r.precip_sum,
      weatherCode: r.weather_code
    }))
  }

  /** The days predicted at a place, newest first, with how many reports and whether observed. */
  days(placeId: number): { date: DateKey; reports: number; observed: boolean }[] {
    return this.daysStmt
      .all(placeId)
      .map((r) => ({ date: r.day, reports: r.reports, observed: r.observed === 1 }))
  }

  /** Predictions of days that have been observed: the material of the accuracy figures. */
  ofObservedDays(placeId: number): ForecastOfDay[] {
    return this.leadStmt.all(placeId).map((r) => ({
      date: r.day,
      leadDays: r.lead_days,
      high: r.temp_max,
      low: r.temp_min,
      precipitationProbability: r.precip_probability
    }))
  }

  /** Predicted days before `today` with no observation yet, newest first. */
  unobservedBefore(placeId: number, today: DateKey, limit = 400): DateKey[] {
    return this.unobservedStmt.all(placeId, today, limit).map((r) => r.day)
  }
}
