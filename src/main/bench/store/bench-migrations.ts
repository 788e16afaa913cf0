import type { Migration } from '../../platform/store/migration'

/** "Test both" runs: versions 30–39. */
export const benchMigrations: Migration[] = [
  {
    version: 30,
    name: 'bench runs',
    up(db) {
      db.exec(`CREATE TABLE bench_runs (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL,
        sample_label TEXT NOT NULL,
        files INTEGER NOT NULL,
        js_stage INTEGER NOT NULL,
        with_weather INTEGER NOT NULL,
        plans TEXT NOT NULL,
        results TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT`)
      db.exec('CREATE INDEX bench_runs_started ON bench_runs (started_at DESC)')
    }
  },
  {
    version: 31,
    name: 'bench repeats, workload, verdict, machine and sample',
    up(db) {
      // Runs stored before repeats read as one pass of the image workload, without a verdict.
      db.exec(`ALTER TABLE bench_runs ADD COLUMN workload TEXT NOT NULL DEFAULT 'images'`)
      db.exec('ALTER TABLE bench_runs ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1')
      db.exec('ALTER TABLE bench_runs ADD COLUMN verdict TEXT')
      db.exec('ALTER TABLE bench_runs ADD COLUMN machine TEXT')
      db.exec('ALTER TABLE bench_runs ADD COLUMN sample TEXT')
    }
  }
]
