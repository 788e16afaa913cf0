import type { Migration } from '../../platform/store/migration'
import { backfillForecastDays } from './forecast-day-backfill'

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
  },
  {
    version: 11,
    name: 'forecast days and observed days',
    up(db) {
      // What each report predicted per day, kept beside the payload so trails and accuracy
      // never parse thousands of stored reports; it goes when its report goes.
      db.exec(`CREATE TABLE weather_forecast_days (
        report_id INTEGER NOT NULL REFERENCES weather_reports (id) ON DELETE CASCADE,
        place_id INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        day TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        temp_max REAL,
        temp_min REAL,
        precip_probability REAL,
        precip_sum REAL,
        weather_code INTEGER,
        PRIMARY KEY (report_id, day)
      ) STRICT`)
      db.exec(`CREATE INDEX weather_forecast_days_place_day
        ON weather_forecast_days (place_id, day, lead_days)`)
      // What each day was really like; fetched once per place and day, never overwritten.
      db.exec(`CREATE TABLE weather_observations (
        place_id INTEGER NOT NULL REFERENCES weather_places (id),
        day TEXT NOT NULL,
        temp_max REAL,
        temp_min REAL,
        precip_sum REAL,
        weather_code INTEGER,
        source TEXT NOT NULL CHECK (source IN ('forecast', 'archive')),
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (place_id, day)
      ) STRICT`)
      backfillForecastDays(db)
    }
  }
]
