import type { Migration } from '../../platform/store/migration'
import { batchReportsMigration } from './migration-batch-reports'
import { jobClaimsMigration } from './migration-job-claims'
import { exposureMigration } from './migration-exposure'
import { nearDuplicatesMigration } from './migration-near-duplicates'
import { previewPhaseMigration } from './migration-preview-phase'
import { trashAndSortMigration } from './migration-trash-sort'

/** Library tables: versions 20–29. */
export const libraryMigrations: Migration[] = [
  {
    version: 20,
    name: 'library',
    up(db) {
      db.exec(`
        -- One import session: sources keep being added while it runs.
        CREATE TABLE library_batches (
          id INTEGER PRIMARY KEY,
          created_at INTEGER NOT NULL,
          finished_at INTEGER,
          state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'done', 'cancelled')),
          -- JSON array of folders/files still to be walked; walked again after a restart.
          roots TEXT NOT NULL DEFAULT '[]',
          walked INTEGER NOT NULL DEFAULT 1
        ) STRICT;

        -- One job per file or URL; its state survives quit and crash.
        CREATE TABLE library_jobs (
          id INTEGER PRIMARY KEY,
          batch_id INTEGER NOT NULL REFERENCES library_batches(id) ON DELETE CASCADE,
          source TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('file', 'url')),
          path TEXT,
          state TEXT NOT NULL CHECK (state IN
            ('queued', 'downloading', 'processing', 'done', 'failed', 'skipped')),
          code TEXT,
          reason TEXT,
          attempts INTEGER NOT NULL DEFAULT 0,
          dismissed INTEGER NOT NULL DEFAULT 0,
          updated_at INTEGER NOT NULL,
          UNIQUE (batch_id, source)
        ) STRICT;
        CREATE INDEX library_jobs_state ON library_jobs(state, kind, id);
        CREATE INDEX library_jobs_batch ON library_jobs(batch_id, state);

        -- What a file's content yields; shared by every copy of it.
        CREATE TABLE library_assets (
          hash TEXT PRIMARY KEY,
          width INTEGER NOT NULL,
          height INTEGER NOT NULL,
          format TEXT NOT NULL,
          taken_at INTEGER,
          camera TEXT,
          lat REAL,
          lon REAL,
          thumbhash TEXT NOT NULL,
          phash TEXT NOT NULL,
          thumb TEXT NOT NULL,
          preview TEXT NOT NULL,
          version INTEGER NOT NULL
        ) STRICT;

        -- A file in the library. Sort and filter columns are copied here so lists use one index.
        CREATE TABLE library_photos (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          folder TEXT NOT NULL,
          hash TEXT NOT NULL REFERENCES library_assets(hash),
          phash TEXT NOT NULL,
          format TEXT NOT NULL,
          size INTEGER NOT NULL,
          mtime INTEGER NOT NULL,
          -- Date taken, or the file's modified time when the photo has no EXIF date.
          date INTEGER NOT NULL,
          imported_at INTEGER NOT NULL,
          source_url TEXT
        ) STRICT;
        CREATE INDEX library_photos_date ON library_photos(date, id);
        CREATE INDEX library_photos_imported ON library_photos(imported_at, id);
        CREATE INDEX library_photos_name ON library_photos(name, id);
        CREATE INDEX library_photos_size ON library_photos(size, id);
        CREATE INDEX library_photos_folder ON library_photos(folder);
        CREATE INDEX library_photos_hash ON library_photos(hash);
        CREATE INDEX library_photos_phash ON library_photos(phash);
      `)
    }
  },
  {
    version: 21,
    name: 'library-similar',
    up(db) {
      db.exec(`
        -- Near-duplicate contents: dHashes within a few bits (see NEAR_DUPLICATE_BITS).
        -- Stored once per pair, the smaller hash first; gone with either content.
        CREATE TABLE library_similar (
          a TEXT NOT NULL REFERENCES library_assets(hash) ON DELETE CASCADE,
          b TEXT NOT NULL REFERENCES library_assets(hash) ON DELETE CASCADE,
          distance INTEGER NOT NULL,
          PRIMARY KEY (a, b),
          CHECK (a < b)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX library_similar_b ON library_similar(b);

        -- Contents stored before pairs were recorded: compared in slices after startup.
        CREATE TABLE library_similar_backfill (
          hash TEXT PRIMARY KEY REFERENCES library_assets(hash) ON DELETE CASCADE
        ) STRICT, WITHOUT ROWID;
        INSERT INTO library_similar_backfill (hash)
          SELECT hash FROM library_assets
          WHERE phash NOT IN ('0000000000000000', 'ffffffffffffffff');
      `)
    }
  },
  trashAndSortMigration,
  previewPhaseMigration,
  batchReportsMigration,
  nearDuplicatesMigration,
  exposureMigration,
  jobClaimsMigration
]
