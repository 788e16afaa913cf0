import type { Migration } from '../../platform/store/migration'

/** Weather tables: versions 10–19. */
export const weatherMigrations: Migration[] = [
  {
    version: 10,
    name: 'weather places and reports',
    up(db) {
      // Removing a place only hides it: its reports stay browsable in the history.
      db.exec(`CREATE TABLE weather_places (
        id INTEGER PRIMARY KEY,
        geoname_id INTEGER,
        name TEXT NOT NULL,
        country TEXT NOT NULL,
        country_code TEXT NOT NULL,
        admin1 TEXT,
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        elevation REAL,
        timezone TEXT,
        position INTEGER NOT NULL,
        is_home INTEGER NOT NULL DEFAULT 0 CHECK (is_home IN (0, 1)),
        created_at INTEGER NOT NULL,
        removed_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        last_attempt_at INTEGER
      ) STRICT`)
      db.exec(`CREATE INDEX weather_places_order ON weather_places (removed_at, position)`)
      // Reports are only ever inserted: a refresh never overwrites an earlier one.
      db.exec(`CREATE TABLE weather_reports (
        id INTEGER PRIMARY KEY,
        place_id INTEGER NOT NULL REFERENCES weather_places (id),
        fetched_at INTEGER NOT NULL,
        provider TEXT NOT NULL,
        units TEXT NOT NULL,
        timezone TEXT NOT NULL,
        utc_offset_seconds INTEGER NOT NULL,
        payload TEXT NOT NULL,
        temperature REAL,
        weather_code INTEGER,
        temp_max REAL,
        temp_min REAL,
        is_day INTEGER NOT NULL,
        has_air_quality INTEGER NOT NULL
      ) STRICT`)
      db.exec(`CREATE INDEX weather_reports_place_time ON weather_reports (place_id, fetched_at)`)
      db.exec(`CREATE INDEX weather_reports_time ON weather_reports (fetched_at)`)
    }
  }
]
