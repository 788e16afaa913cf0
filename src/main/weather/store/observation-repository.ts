import type { ObservedDay } from '@shared/contract/weather'
import type { ObservedOfDay } from '@shared/weather/accuracy'
import type { DateKey } from '@shared/weather/zoned-time'
import type { Db } from '../../platform/store/database'

interface Row {
  day: string
  temp_max: number | null
  temp_min: number | null
  precip_sum: number | null
  weather_code: number | null
  source: 'forecast' | 'archive'
  fetched_at: number
}

const toDay = (r: Row): ObservedDay => ({
  date: r.day,
  high: r.temp_max,
  low: r.temp_min,
  precipitationSum: r.precip_sum,
  weatherCode: r.weather_code,
  source: r.source,
  fetchedAt: r.fetched_at
})

export type NewObservation = Omit<ObservedDay, 'source' | 'fetchedAt'>

/** What each past day was like at a place: stored once, never overwritten. */
export class ObservationRepository {
  private readonly insertStmt
  private readonly getStmt
  private readonly allStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT OR IGNORE INTO weather_observations
         (place_id, day, temp_max, temp_min, precip_sum, weather_code, source, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.getStmt = db.prepare<[number, string], Row>(
      'SELECT * FROM weather_observations WHERE place_id = ? AND day = ?'
    )
    this.allStmt = db.prepare<[number], Row>(
      'SELECT * FROM weather_observations WHERE place_id = ? ORDER BY day'
    )
  }

  /** True when stored; false when the day was already there (the first fetch stands). */
  insert(
    placeId: number,
    o: NewObservation,
    source: ObservedDay['source'],
    fetchedAt: number
  ): boolean {
    const info = this.insertStmt.run(
      placeId,
      o.date,
      o.high,
      o.low,
      o.precipitationSum,
      o.weatherCode,
      source,
      fetchedAt
    )
    return info.changes > 0
  }

  get(placeId: number, day: DateKey): ObservedDay | null {
    const row = this.getStmt.get(placeId, day)
    return row ? toDay(row) : null
  }

  forPlace(placeId: number): ObservedOfDay[] {
    return this.allStmt.all(placeId).map(toDay)
  }
}
