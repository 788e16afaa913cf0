import type { Migration } from '../../platform/store/migration'
import { nameKey } from './name-key'

/** Sort key → column, as of this version (later versions add their own). */
const sortColumn = { taken: 'date', imported: 'imported_at', name: 'name_key', size: 'size' }

const month = (ms: string): string => `strftime('%Y-%m', ${ms} / 1000.0, 'unixepoch')`

/** What each tally counts live photos by: its key, as SQL over a row (`new` or `old`). */
const tallyKeys = {
  folder: (row: string) => `${row}.folder`,
  format: (row: string) => `${row}.format`,
  /** Month of the date taken (UTC), for the timeline in `taken` order. */
  month: (row: string) => month(`${row}.date`),
  /** Month of the import, for the timeline in `imported` order. */
  imported: (row: string) => month(`${row}.imported_at`),
  /** Content: a count above 1 is an exact duplicate. */
  hash: (row: string) => `${row}.hash`
}
const kinds = Object.keys(tallyKeys)
  .map((k) => `'${k}'`)
  .join(', ')

/** Adds `delta` to each tally of a row. */
const tally = (row: 'new' | 'old', delta: 1 | -1): string =>
  Object.entries(tallyKeys)
    .map(
      ([kind, key]) =>
        `INSERT INTO library_tallies (kind, key, count) VALUES ('${kind}', ${key(row)}, ${delta})
         ON CONFLICT (kind, key) DO UPDATE SET count = count + excluded.count;`
    )
    .join('\n') +
  (delta < 0 ? `\nDELETE FROM library_tallies WHERE kind IN (${kinds}) AND count = 0;` : '')

const moved = Object.values(tallyKeys)
  .map((key) => `${key('old')} IS NOT ${key('new')}`)
  .join(' OR ')

/**
 * Live photos counted per folder, format, month taken, month imported and content, kept by
 * triggers in the same transaction as every change: totals, facets, the timeline and exact
 * duplicates read a few rows instead of counting 100,000.
 */
const TALLIES = `
  CREATE TABLE library_tallies (
    kind TEXT NOT NULL CHECK (kind IN (${kinds})),
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX library_tallies_count ON library_tallies(kind, count);

  -- One trigger per kind of change, each firing only when it has something to count: a photo
  -- saved again unchanged, or any change to a photo in the Trash, costs nothing here.
  CREATE TRIGGER library_tally_insert AFTER INSERT ON library_photos
    WHEN new.trashed_at IS NULL BEGIN
    ${tally('new', 1)}
  END;
  CREATE TRIGGER library_tally_delete AFTER DELETE ON library_photos
    WHEN old.trashed_at IS NULL BEGIN
    ${tally('old', -1)}
  END;
  CREATE TRIGGER library_tally_trash AFTER UPDATE OF trashed_at ON library_photos
    WHEN old.trashed_at IS NULL AND new.trashed_at IS NOT NULL BEGIN
    ${tally('old', -1)}
  END;
  CREATE TRIGGER library_tally_restore AFTER UPDATE OF trashed_at ON library_photos
    WHEN old.trashed_at IS NOT NULL AND new.trashed_at IS NULL BEGIN
    ${tally('new', 1)}
  END;
  CREATE TRIGGER library_tally_move AFTER UPDATE OF folder, format, date, imported_at, hash
    ON library_photos
    WHEN old.trashed_at IS NULL AND new.trashed_at IS NULL AND (${moved}) BEGIN
    ${tally('old', -1)}
    ${tally('new', 1)}
  END;

  INSERT INTO library_tallies (kind, key, count)
    ${Object.entries(tallyKeys)
      .map(
        ([kind, key]) => `SELECT '${kind}', ${key('p')}, count(*) FROM library_photos p GROUP BY 2`
      )
      .join('\nUNION ALL ')};
`

/**
 * Version 22: the library's Trash, natural name order, and indexes and tallies for paging and
 * counting 100,000 photos.
 *
 * - `trashed_at`: set when a photo is removed; the row is otherwise untouched, so Restore gives it
 *   back exactly. Every list, count and facet reads only rows where it is NULL.
 * - `name_key`: the name in natural, case-insensitive order (name-key.ts), filled here for photos
 *   imported before.
 * - Indexes over live photos only (partial: WHERE trashed_at IS NULL): one per sort key ending in
 *   id (the keyset), and per filter (format, folder) with each sort key after it, so a filtered
 *   page is a range walk. Each ends with trashed_at, which lets a count or an offset read the
 *   index alone (SQLite checks a partial index's condition again unless the column is there).
 * - `library_tallies`: see TALLIES.
 * - `library_file_sweep`: cached files of contents that left the library for good, deleted once
 *   no import can be reusing them.
 */
export const trashAndSortMigration: Migration = {
  version: 22,
  name: 'library-trash-sort',
  up(db) {
    db.exec(`
      ALTER TABLE library_photos ADD COLUMN trashed_at INTEGER;
      ALTER TABLE library_photos ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    `)
    const rows = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM library_photos')
    const set = db.prepare<[string, number]>('UPDATE library_photos SET name_key = ? WHERE id = ?')
    for (const r of rows.all()) set.run(nameKey(r.name), r.id)
    db.exec(`
      DROP INDEX library_photos_date;
      DROP INDEX library_photos_imported;
      DROP INDEX library_photos_name;
      DROP INDEX library_photos_size;
      DROP INDEX library_photos_folder;

      CREATE INDEX library_live_hash ON library_photos(hash, trashed_at) WHERE trashed_at IS NULL;
      CREATE INDEX library_trash ON library_photos(trashed_at, id) WHERE trashed_at IS NOT NULL;
    `)
    for (const [sort, column] of Object.entries(sortColumn))
      for (const [prefix, first] of [
        ['', ''],
        ['format_', 'format, '],
        ['folder_', 'folder, ']
      ])
        db.exec(`CREATE INDEX library_live_${prefix}${sort}
          ON library_photos(${first}${column}, id, trashed_at) WHERE trashed_at IS NULL`)
    db.exec(TALLIES)
    db.exec(`
      CREATE TABLE library_file_sweep (
        hash TEXT PRIMARY KEY,
        -- JSON array of paths below the thumbnails folder.
        files TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
