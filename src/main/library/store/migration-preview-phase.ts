import type { Migration } from '../../platform/store/migration'

/**
 * Thumbnails first: a file's preview is made in a second phase, after every thumbnail of its
 * batch. The job keeps the preview's own state, so a restart resumes either phase; an asset
 * without its preview yet has preview = '' and, when making it failed, the reason.
 */
export const previewPhaseMigration: Migration = {
  version: 23,
  name: 'library-preview-phase',
  up(db) {
    db.exec(`
      -- NULL: no preview to make for this job; otherwise its phase-2 state.
      ALTER TABLE library_jobs ADD COLUMN preview TEXT
        CHECK (preview IN ('queued', 'processing', 'done', 'failed', 'skipped'));
      CREATE INDEX library_jobs_preview ON library_jobs(batch_id, preview, id)
        WHERE preview IS NOT NULL;
      ALTER TABLE library_assets ADD COLUMN preview_error TEXT;
    `)
  }
}
