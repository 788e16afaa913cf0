import type { AppError } from '@shared/contract'
import type { GeoPlace, Place } from '@shared/contract/weather'
import type { Db } from '../../platform/store/database'

interface PlaceRow {
  id: number
  geoname_id: number | null
  name: string
  country: string
  country_code: string
  admin1: string | null
  latitude: number
  longitude: number
  elevation: number | null
  timezone: string | null
  position: number
  is_home: number
  removed_at: number | null
  last_error_code: string | null
  last_error_message: string | null
  last_attempt_at: number | null
}

export interface StoredPlace extends Place {
  lastError: AppError | null
  lastAttemptAt: number | null
}

const toPlace = (r: PlaceRow): StoredPlace => ({
  id: r.id,
  geonameId: r.geoname_id,
  name: r.name,
  country: r.country,
  countryCode: r.country_code,
  admin1: r.admin1,
  latitude: r.latitude,
  longitude: r.longitude,
  elevation: r.elevation,
  timezone: r.timezone,
  position: r.position,
  isHome: r.is_home === 1,
  removed: r.removed_at !== null,
  lastError: r.last_error_code
    ? ({ code: r.last_error_code, message: r.last_error_message ?? '' } as AppError)
    : null,
  lastAttemptAt: r.last_attempt_at
})

/** The user's places, in their chosen order. */
export class PlaceRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number
  ) {}

  list(): StoredPlace[] {
    return this.db
      .prepare<[], PlaceRow>(
        'SELECT * FROM weather_places WHERE removed_at IS NULL ORDER BY position, id'
      )
      .all()
      .map(toPlace)
  }

  /** Current places and removed ones that still have reports. */
  known(): StoredPlace[] {
    return this.db
      .prepare<[], PlaceRow>(
        `SELECT * FROM weather_places p WHERE removed_at IS NULL
           OR EXISTS (SELECT 1 FROM weather_reports r WHERE r.place_id = p.id)
         ORDER BY removed_at IS NOT NULL, position, id`
      )
      .all()
      .map(toPlace)
  }

  get(id: number): StoredPlace | null {
    const row = this.db
      .prepare<[number], PlaceRow>('SELECT * FROM weather_places WHERE id = ?')
      .get(id)
    return row ? toPlace(row) : null
  }

  /** A place already in the list at (about) the same spot, so adding twice does not duplicate. */
  findActive(latitude: number, longitude: number): StoredPlace | null {
    const row = this.db
      .prepare<[number, number], PlaceRow>(
        `SELECT * FROM weather_places WHERE removed_at IS NULL
           AND abs(latitude - ?) < 0.001 AND abs(longitude - ?) < 0.001`
      )
      .get(latitude, longitude)
    return row ? toPlace(row) : null
  }

  add(g: GeoPlace): StoredPlace {
    const position =
      (this.db
        .prepare<[], { p: number | null }>(
          'SELECT max(position) AS p FROM weather_places WHERE removed_at IS NULL'
        )
        .get()?.p ?? -1) + 1
    const isFirst = position === 0
    const info = this.db
      .prepare(
        `INSERT INTO weather_places (geoname_id, name, country, country_code, admin1, latitude,
           longitude, elevation, timezone, position, is_home, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        g.geonameId,
        g.name,
        g.country,
        g.countryCode,
        g.admin1,
        g.latitude,
        g.longitude,
        g.elevation,
        g.timezone,
        position,
        isFirst ? 1 : 0,
        this.now()
      )
    return this.get(Number(info.lastInsertRowid))!
  }

  remove(id: number): boolean {
    return this.db.transaction(() => {
      const wasHome = this.get(id)?.isHome ?? false
      const changed = this.db
        .prepare(
          'UPDATE weather_places SET removed_at = ?, is_home = 0 WHERE id = ? AND removed_at IS NULL'
        )
        .run(this.now(), id).changes
      // The list keeps a home while it has places.
      if (changed && wasHome) {
        this.db
          .prepare(
            `UPDATE weather_places SET is_home = 1 WHERE id = (SELECT id FROM weather_places
               WHERE removed_at IS NULL ORDER BY position, id LIMIT 1)`
          )
          .run()
      }
      return changed > 0
    })()
  }

  /**
   * Un-removes a place: it keeps its old position and its reports, and becomes the home place
   * if the list has none (it was the only place). False if it was not removed.
   */
  restore(id: number): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(
          'UPDATE weather_places SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL'
        )
        .run(id).changes
      if (changed && !this.list().some((p) => p.isHome)) {
        this.db.prepare('UPDATE weather_places SET is_home = 1 WHERE id = ?').run(id)
      }
      return changed > 0
    })()
  }

  /** Puts the given ids first, in that order; unnamed places keep their order after them. */
  reorder(ids: readonly number[]): void {
    this.db.transaction(() => {
      const rest = this.list()
        .map((p) => p.id)
        .filter((id) => !ids.includes(id))
      const set = this.db.prepare('UPDATE weather_places SET position = ? WHERE id = ?')
      ;[...ids, ...rest].forEach((id, i) => set.run(i, id))
    })()
  }

  setHome(id: number | null): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE weather_places SET is_home = 0 WHERE is_home = 1').run()
      if (id !== null) {
        this.db
          .prepare('UPDATE weather_places SET is_home = 1 WHERE id = ? AND removed_at IS NULL')
          .run(id)
      }
    })()
  }

  recordAttempt(id: number, error: AppError | null): void {
    this.db
      .prepare(
        `UPDATE weather_places SET last_attempt_at = ?, last_error_code = ?,
           last_error_message = ? WHERE id = ?`
      )
      .run(this.now(), error?.code ?? null, error?.message ?? null, id)
  }
}
