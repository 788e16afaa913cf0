import type Database from 'better-sqlite3'

/** One schema step. Each domain owns its steps; the composition root hands the store the list. */
export interface Migration {
  /** Strictly increasing across the app; never reuse or edit a shipped number. */
  readonly version: number
  readonly name: string
  up(db: Database.Database): void
}

/** The platform's own table: settings, 1–9. */
export const settingsMigrations: readonly Migration[] = [
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
