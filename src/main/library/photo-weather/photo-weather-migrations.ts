import type { Migration } from '../../platform/store/migration'

/** A link's count bucket: its state, or 'ineligible' for a photo with no place or no time. */
const BUCKET_OF = (row: string): string =>
  `CASE WHEN ${row}.reason IN ('no-place', 'no-time') THEN 'ineligible' ELSE ${row}.state END`

/** Photo weather's schema: versions 40–49. */
export const photoWeatherMigrations: Migration[] = [
  {
    version: 40,
    name: 'photo-weather',
    up(db) {
      db.exec(`
        -- The camera's wall clock and offset (OffsetTimeOriginal, minutes east of UTC).
        ALTER TABLE library_assets ADD COLUMN taken_local TEXT;
        ALTER TABLE library_assets ADD COLUMN taken_offset INTEGER;

        -- "Set place…": a place given by hand to a photo without GPS.
        CREATE TABLE photo_weather_places (
          photo_id INTEGER PRIMARY KEY REFERENCES library_photos(id) ON DELETE CASCADE,
          lat REAL NOT NULL,
          lon REAL NOT NULL,
          timezone TEXT
        ) STRICT;

        -- A grid cell's time zone, as Open-Meteo named it.
        CREATE TABLE photo_weather_cells (
          cell TEXT PRIMARY KEY,
          timezone TEXT,
          utc_offset INTEGER
        ) STRICT, WITHOUT ROWID;

        -- One row per cell and hour, shared by every photo taken there then.
        CREATE TABLE photo_weather_hours (
          cell TEXT NOT NULL,
          hour INTEGER NOT NULL,
          temperature REAL,
          code INTEGER,
          wind REAL,
          precipitation REAL,
          PRIMARY KEY (cell, hour)
        ) STRICT, WITHOUT ROWID;

        -- Which cell-days were answered: never asked twice. 'missing': answered with no record.
        CREATE TABLE photo_weather_days (
          cell TEXT NOT NULL,
          date TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('stored', 'missing', 'refused')),
          fetched_at INTEGER NOT NULL,
          PRIMARY KEY (cell, date)
        ) STRICT, WITHOUT ROWID;

        -- The persisted queue and its results: one row per photo.
        CREATE TABLE photo_weather_links (
          photo_id INTEGER PRIMARY KEY REFERENCES library_photos(id) ON DELETE CASCADE,
          state TEXT NOT NULL CHECK (state IN ('pending', 'linked', 'unknown')),
          reason TEXT,
          cell TEXT,
          lat REAL,
          lon REAL,
          local TEXT,
          local_date TEXT,
          offset_min INTEGER,
          hour INTEGER,
          code INTEGER,
          condition TEXT,
          temperature REAL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX photo_weather_links_state ON photo_weather_links(state, cell, local_date);
        CREATE INDEX photo_weather_links_cell ON photo_weather_links(cell, local_date);
        CREATE INDEX photo_weather_links_weather ON photo_weather_links(condition, temperature)
          WHERE state = 'linked';
      `)
    }
  },
  {
    version: 41,
    name: 'photo-weather-counts',
    up(db) {
      // The status counts, kept by triggers as rows change: the status bar reads four rows
      // instead of counting the whole queue on every progress event.
      db.exec(`
        CREATE TABLE photo_weather_counts (
          bucket TEXT PRIMARY KEY,
          n INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;

        INSERT INTO photo_weather_counts (bucket, n)
          SELECT ${BUCKET_OF('l')}, COUNT(*) FROM photo_weather_links l GROUP BY 1;

        CREATE TRIGGER photo_weather_counts_insert AFTER INSERT ON photo_weather_links BEGIN
          INSERT INTO photo_weather_counts (bucket, n) VALUES (${BUCKET_OF('new')}, 1)
            ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER photo_weather_counts_delete AFTER DELETE ON photo_weather_links BEGIN
          UPDATE photo_weather_counts SET n = n - 1 WHERE bucket = ${BUCKET_OF('old')};
        END;
        CREATE TRIGGER photo_weather_counts_update AFTER UPDATE OF state, reason
          ON photo_weather_links
          WHEN ${BUCKET_OF('old')} IS NOT ${BUCKET_OF('new')}
        BEGIN
          UPDATE photo_weather_counts SET n = n - 1 WHERE bucket = ${BUCKET_OF('old')};
          INSERT INTO photo_weather_counts (bucket, n) VALUES (${BUCKET_OF('new')}, 1)
            ON CONFLICT (bucket) DO UPDATE SET n = n + 1;
        END;
      `)
    }
  }
]
