import type { Db } from '../platform/store/database'
import { weatherMigrations } from '../weather/store/weather-migrations'
import { libraryMigrations } from '../library/store/library-migrations'
import { activityMigrations } from '../bench/store/bench-migrations'

export interface Migration {
  /** Strictly increasing across the app; never reuse or edit a shipped number. */
  readonly version: number
  readonly name: string
  up(db: Db): void
}

const foundation: Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`)
    }
  }
]

/** Foundation owns 1–9, weather 10–19, library 20–29, activity 30–39. */
export const migrations: readonly Migration[] = [
  ...foundation,
  ...weatherMigrations,
  ...libraryMigrations,
  ...activityMigrations
]
