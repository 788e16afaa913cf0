import type { Migration } from '../../platform/store/migration'

/**
 * The import queue's next downloads, found without reading the batch's other jobs. Claiming URL
 * jobs searched (batch_id, state) and read every queued file job of the batch to find none: at
 * 100,000 queued files that one query took 60 % of main's time, once per file finished.
 */
export const jobClaimsMigration: Migration = {
  version: 28,
  name: 'library-job-claims',
  up(db) {
    db.exec('CREATE INDEX library_jobs_claim ON library_jobs(batch_id, kind, state)')
  }
}
