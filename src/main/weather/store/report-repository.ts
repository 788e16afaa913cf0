import {
  reportPayloadSchema,
  type HistoryPoint,
  type HistoryQuery,
  type Report,
  type ReportPayload,
  type ReportSummary
} from '@shared/contract/weather'
import { conditionsAt } from '@shared/weather/now'
import { storedUnits } from '@shared/weather/variables'
import type { Db } from '../../platform/store/database'
import { ForecastDayRepository } from './forecast-day-repository'

interface SummaryRow {
  id: number
  place_id: number
  fetched_at: number
  provider: string
  timezone: string
  utc_offset_seconds: number
  temperature: number | null
  weather_code: number | null
  temp_max: number | null
  temp_min: number | null
  is_day: number
  has_air_quality: number
}
interface ReportRow extends SummaryRow {
  units: string
  payload: string
}

const SUMMARY_COLUMNS = `id, place_id, fetched_at, provider, timezone, utc_offset_seconds,
  temperature, weather_code, temp_max, temp_min, is_day, has_air_quality`

const toSummary = (r: SummaryRow): ReportSummary => ({
  id: r.id,
  placeId: r.place_id,
  fetchedAt: r.fetched_at,
  provider: r.provider,
  timezone: r.timezone,
  utcOffsetSeconds: r.utc_offset_seconds,
  temperature: r.temperature,
  weatherCode: r.weather_code,
  tempMax: r.temp_max,
  tempMin: r.temp_min,
  isDay: r.is_day === 1,
  hasAirQuality: r.has_air_quality === 1
})

export const PROVIDER = 'open-meteo'

/** Every report ever fetched; rows are inserted, never updated. */
export class ReportRepository {
  private readonly insertStmt
  private readonly latestStmt
  private readonly summaryStmt
  private readonly getStmt
  /** Each report's predictions per day, written in the same transaction as the report. */
  private readonly days: ForecastDayRepository

  constructor(private readonly db: Db) {
    this.days = new ForecastDayRepository(db)
    this.insertStmt = db.prepare(
      `INSERT INTO weather_reports (place_id, fetched_at, provider, units, timezone,
         utc_offset_seconds, payload, temperature, weather_code, temp_max, temp_min, is_day,
         has_air_quality)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.latestStmt = db.prepare<[number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM weather_reports WHERE place_id = ?
       ORDER BY fetched_at DESC, id DESC LIMIT 1`
    )
    this.summaryStmt = db.prepare<[number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM weather_reports WHERE id = ?`
    )
    this.getStmt = db.prepare<[number], ReportRow>('SELECT * FROM weather_reports WHERE id = ?')
  }

  insert(placeId: number, fetchedAt: number, payload: ReportPayload): ReportSummary {
    const now = conditionsAt(payload.forecast, Math.floor(fetchedAt / 1000))
    const id = this.db.transaction(() => {
      const info = this.insertStmt.run(
        placeId,
        fetchedAt,
        PROVIDER,
        JSON.stringify(storedUnits),
        payload.forecast.timezone,
        payload.forecast.utc_offset_seconds,
        JSON.stringify(payload),
        now?.temperature ?? null,
        now?.weatherCode ?? null,
        now?.todayMax ?? null,
        now?.todayMin ?? null,
        now ? (now.isDay ? 1 : 0) : 1,
        payload.airQuality ? 1 : 0
      )
      const reportId = Number(info.lastInsertRowid)
      this.days.insertFor(
        reportId,
        placeId,
        fetchedAt,
        payload.forecast.daily,
        payload.forecast.utc_offset_seconds
      )
      return reportId
    })()
    return this.summary(id)!
  }

  summary(id: number): ReportSummary | null {
    const row = this.summaryStmt.get(id)
    return row ? toSummary(row) : null
  }

  get(id: number): Report | null {
    const row = this.getStmt.get(id)
    if (!row) return null
    return {
      ...toSummary(row),
      units: JSON.parse(row.units) as Report['units'],
      // Parsed again on the way out: a row damaged on disk fails here, not in the window.
      payload: reportPayloadSchema.parse(JSON.parse(row.payload))
    }
  }

  latestSummary(placeId: number): ReportSummary | null {
    const row = this.latestStmt.get(placeId)
    return row ? toSummary(row) : null
  }

  latest(placeId: number): Report | null {
    const s = this.latestSummary(placeId)
    return s ? this.get(s.id) : null
  }

  history(q: HistoryQuery): { total: number; rows: ReportSummary[] } {
    const where: string[] = []
    const args: number[] = []
    if (q.placeId != null) {
      where.push('place_id = ?')
      args.push(q.placeId)
    }
    if (q.from != null) {
      where.push('fetched_at >= ?')
      args.push(q.from)
    }
    if (q.to != null) {
      where.push('fetched_at <= ?')
      args.push(q.to)
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const total = this.db
      .prepare<number[], { n: number }>(`SELECT count(*) AS n FROM weather_reports ${clause}`)
      .get(...args)!.n
    const rows = this.db
      .prepare<number[], SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM weather_reports ${clause}
         ORDER BY fetched_at DESC, id DESC LIMIT ? OFFSET ?`
      )
      .all(...args, q.limit, q.offset)
    return { total, rows: rows.map(toSummary) }
  }

  /** A place's newest `limit` reports in a span, oldest first, and how many the span holds. */
  series(q: { placeId: number; from?: number | null; to?: number | null; limit: number }): {
    total: number
    points: HistoryPoint[]
  } {
    const args = [q.placeId, q.from ?? Number.MIN_SAFE_INTEGER, q.to ?? Number.MAX_SAFE_INTEGER]
    const span = 'place_id = ? AND fetched_at >= ? AND fetched_at <= ?'
    const total = this.db
      .prepare<number[], { n: number }>(`SELECT count(*) AS n FROM weather_reports WHERE ${span}`)
      .get(...args)!.n
    const rows = this.db
      .prepare<
        number[],
        Pick<SummaryRow, 'id' | 'fetched_at' | 'temperature' | 'temp_max' | 'temp_min'>
      >(
        `SELECT id, fetched_at, temperature, temp_max, temp_min FROM weather_reports
         WHERE ${span} ORDER BY fetched_at DESC, id DESC LIMIT ?`
      )
      .all(...args, q.limit)
    const points = rows.reverse().map((r) => ({
      id: r.id,
      fetchedAt: r.fetched_at,
      temperature: r.temperature,
      tempMax: r.temp_max,
      tempMin: r.temp_min
    }))
    return { total, points }
  }

  /**
   * Deletes reports fetched before `cutoff`, except each place's latest: a place that could not
   * refresh for a while still opens on its last report. Their forecast days go with them.
   */
  purgeBefore(cutoff: number): number {
    return this.db
      .prepare(
        `DELETE FROM weather_reports WHERE fetched_at < ? AND id NOT IN (
           SELECT (SELECT id FROM weather_reports WHERE place_id = p.place_id
                   ORDER BY fetched_at DESC, id DESC LIMIT 1)
           FROM (SELECT DISTINCT place_id FROM weather_reports) p)`
      )
      .run(cutoff).changes
  }

  /** When the newest report of any place was fetched; null before the first. */
  lastFetchedAt(): number | null {
    return (
      this.db
        .prepare<[], { t: number | null }>('SELECT max(fetched_at) AS t FROM weather_reports')
        .get()?.t ?? null
    )
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM weather_reports').get()!.n
  }
}
