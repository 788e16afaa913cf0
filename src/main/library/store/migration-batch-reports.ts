import type { Migration } from '../../platform/store/migration'

/**
 * Batch reports: each batch keeps the summary it ended with (JSON, see BatchSummary), frozen so
 * a later retry that moves its failures elsewhere does not rewrite what it reported; whether the
 * window was told (`announced`); and whether the user dismissed the report.
 *
 * Older rows are made to say what they are: a worker's "not supported yet" and "already in your
 * library" were sometimes stored as failures, which Retry must not read again. Old batches with
 * nothing left to look at start dismissed, so the list does not open on years of clean imports.
 */
export const batchReportsMigration: Migration = {
  version: 25,
  name: 'library-batch-reports',
  up(db) {
    db.exec(`
      ALTER TABLE library_batches ADD COLUMN summary TEXT;
      ALTER TABLE library_batches ADD COLUMN announced INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE library_batches ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
      UPDATE library_batches SET announced = 1 WHERE state IN ('done', 'cancelled');
      UPDATE library_jobs SET state = 'skipped'
        WHERE state = 'failed' AND code IN ('unsupported', 'already-imported');
      UPDATE library_batches SET dismissed = 1
        WHERE state IN ('done', 'cancelled') AND NOT EXISTS (
          SELECT 1 FROM library_jobs j
          WHERE j.batch_id = library_batches.id AND j.state = 'failed' AND j.dismissed = 0);
      -- A file's latest outcome: the failure list shows each file once.
      CREATE INDEX library_jobs_source ON library_jobs(source, id);
    `)
  }
}
