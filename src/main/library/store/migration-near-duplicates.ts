import type { Migration } from '../../platform/store/migration'

/**
 * Version 26: near-duplicates by the measured rule (src/shared/library/near-duplicate.ts)
 * instead of dHash distance, and "not duplicates" remembered.
 *
 * - `library_near_keys`: what the in-memory index keeps of each content (summary and pHashes,
 *   80 bytes; NULL when no fingerprint could be made, e.g. its thumbnail is gone) and the
 *   sharpness figure that picks the best copy. Small rows, so loading the index reads little.
 * - `library_fingerprints`: the full fingerprint (about 1.8 KB), read only to compare
 *   candidates.
 * - `library_not_duplicates`: pairs of contents the user said are different pictures. No
 *   foreign key: the answer holds if a content leaves and is imported again.
 * - Pairs made by the old rule are dropped (it paired thousands of different flat pictures) and
 *   every content is queued to be compared again (library_similar_backfill), in the background.
 */
export const nearDuplicatesMigration: Migration = {
  version: 26,
  name: 'library-near-duplicates',
  up(db) {
    db.exec(`
      CREATE TABLE library_near_keys (
        hash TEXT PRIMARY KEY REFERENCES library_assets(hash) ON DELETE CASCADE,
        key BLOB,
        sharpness REAL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE library_fingerprints (
        hash TEXT PRIMARY KEY REFERENCES library_assets(hash) ON DELETE CASCADE,
        data BLOB NOT NULL
      ) STRICT;

      CREATE TABLE library_not_duplicates (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (a, b),
        CHECK (a < b)
      ) STRICT, WITHOUT ROWID;

      DELETE FROM library_similar;
      INSERT OR IGNORE INTO library_similar_backfill (hash) SELECT hash FROM library_assets;
    `)
  }
}
