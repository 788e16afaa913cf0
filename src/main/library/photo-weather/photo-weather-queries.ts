import type {
  PhotoWeather,
  PhotoWeatherFilter,
  UnknownReason
} from '@shared/contract/photo-weather'
import type { Db } from '../../platform/store/database'
import { cellOf, distanceKm } from './cells'
import { unknownSentence, windWords } from './weather-words'

interface LinkRow {
  state: 'pending' | 'linked' | 'unknown'
  reason: UnknownReason | null
  cell: string | null
  local: string | null
  hour: number | null
  code: number | null
  condition: string | null
  temperature: number | null
  wind: number | null
  precipitation: number | null
  timezone: string | null
}

/** What the lightbox, the grid filter and a place's page read. */
export class PhotoWeatherQueries {
  constructor(private readonly db: Db) {}

  get(photoId: number): PhotoWeather {
    const r = this.db
      .prepare<[number], LinkRow>(
        `SELECT l.state, l.reason, l.cell, l.local, l.hour, l.code, l.condition, l.temperature,
                h.wind, h.precipitation, c.timezone
         FROM photo_weather_links l
         LEFT JOIN photo_weather_hours h ON h.cell = l.cell AND h.hour = l.hour
         LEFT JOIN photo_weather_cells c ON c.cell = l.cell
         WHERE l.photo_id = ?`
      )
      .get(photoId)
    if (!r || r.state !== 'linked' || !r.local) {
      const reason = r?.state === 'unknown' ? r.reason : null
      return { known: false, photoId, reason, words: unknownSentence(reason) }
    }
    return {
      known: true,
      photoId,
      weatherCode: r.code,
      condition: r.condition as Extract<PhotoWeather, { known: true }>['condition'],
      temperature: r.temperature,
      windSpeed: r.wind,
      windWords: windWords(r.wind),
      precipitation: r.precipitation,
      localTime: r.local.slice(11, 16),
      localDate: r.local.slice(0, 10),
      timezone: r.timezone
    }
  }

  /** Linked photos matching the filter, newest first. */
  filter(f: PhotoWeatherFilter, limit: number): { ids: number[]; total: number } {
    const where = ["l.state = 'linked'"]
    const args: (string | number)[] = []
    if (f.conditions && f.conditions.length > 0) {
      where.push(`l.condition IN (${f.conditions.map(() => '?').join(',')})`)
      args.push(...f.conditions)
    }
    if (f.minTemperature !== undefined) {
      where.push('l.temperature >= ?')
      args.push(f.minTemperature)
    }
    if (f.maxTemperature !== undefined) {
      where.push('l.temperature <= ?')
      args.push(f.maxTemperature)
    }
    const ids = this.db
      .prepare<(string | number)[], { id: number }>(
        `SELECT l.photo_id AS id FROM photo_weather_links l
         JOIN library_photos p ON p.id = l.photo_id
         WHERE ${where.join(' AND ')} ORDER BY p.date DESC, p.id DESC`
      )
      .all(...args)
      .map((r) => r.id)
    return { ids: ids.slice(0, limit), total: ids.length }
  }

  /** Photos taken in the place's grid cell, or within `radiusKm`; on one local day if given. */
  photosHere(q: {
    latitude: number
    longitude: number
    radiusKm?: number
    date?: string
    limit: number
  }): { ids: number[]; total: number } {
    const args: (string | number)[] = []
    let where: string
    if (q.radiusKm === undefined) {
      where = 'l.cell = ?'
      args.push(cellOf(q.latitude, q.longitude).key)
    } else {
      // A box first (index-free but cheap), then the true distance.
      const dLat = q.radiusKm / 111
      const dLon = q.radiusKm / (111 * Math.max(0.01, Math.cos((q.latitude * Math.PI) / 180)))
      where = 'l.lat BETWEEN ? AND ? AND l.lon BETWEEN ? AND ?'
      args.push(q.latitude - dLat, q.latitude + dLat, q.longitude - dLon, q.longitude + dLon)
    }
    if (q.date) {
      where += ' AND l.local_date = ?'
      args.push(q.date)
    }
    const rows = this.db
      .prepare<(string | number)[], { id: number; lat: number; lon: number }>(
        `SELECT l.photo_id AS id, l.lat, l.lon FROM photo_weather_links l
         JOIN library_photos p ON p.id = l.photo_id
         WHERE ${where} ORDER BY p.date DESC, p.id DESC`
      )
      .all(...args)
    const ids = rows
      .filter(
        (r) =>
          q.radiusKm === undefined ||
          distanceKm(q.latitude, q.longitude, r.lat, r.lon) <= q.radiusKm
      )
      .map((r) => r.id)
    return { ids: ids.slice(0, q.limit), total: ids.length }
  }

  /** "Set place…": photos without GPS get this place (photos with GPS keep theirs). */
  setPlace(ids: readonly number[], lat: number, lon: number, timezone: string | null): number[] {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO photo_weather_places (photo_id, lat, lon, timezone)
       SELECT p.id, ?, ?, ? FROM library_photos p JOIN library_assets a ON a.hash = p.hash
       WHERE p.id = ? AND (a.lat IS NULL OR a.lon IS NULL)`
    )
    const done: number[] = []
    this.db.transaction(() => {
      for (const id of ids) if (insert.run(lat, lon, timezone, id).changes > 0) done.push(id)
    })()
    return done
  }
}
