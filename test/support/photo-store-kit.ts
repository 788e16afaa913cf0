import { join } from 'node:path'
import type { ImageFacts } from '@shared/worker/image-protocol'
import { thumbFile, previewFile } from '@shared/library/thumbnails'
import { openDatabase, type Db } from '../../src/main/platform/store/database'
import { libraryMigrations } from '../../src/main/library/store/library-migrations'
import {
  libraryRepositories,
  type LibraryRepositories
} from '../../src/main/library/store/library-repositories'

/** A library database (its own migrations only) in `dir`, with its repositories. */
export function openLibraryStore(dir: string): LibraryRepositories & { db: Db } {
  const db = openDatabase(join(dir, 'skyfolio.db'), { migrations: libraryMigrations })
  return { db, ...libraryRepositories(db) }
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0')

/** Facts a worker could have reported for content number `n`. */
export function photoFacts(n: number, over: Partial<ImageFacts> = {}): ImageFacts {
  const hash = hex(n, 64)
  return {
    hash,
    bytes: 1000 + n,
    mtime: Date.UTC(2020, 0, 1) + n * 1000,
    width: 4000,
    height: 3000,
    format: 'jpeg',
    takenAt: null,
    camera: null,
    lat: null,
    lon: null,
    thumbhash: 'AAAA',
    // Far apart from each other: no near-duplicate pairs unless a test makes them.
    phash: hex((n * 0x9e3779b1) >>> 0, 8) + hex((n * 0x85ebca6b) >>> 0, 8),
    thumb: thumbFile(hash),
    preview: previewFile(hash),
    version: 1,
    reused: false,
    ...over
  }
}

/** Stores a photo the way an import does: its content, then the file. */
export function addPhoto(
  store: LibraryRepositories,
  path: string,
  facts: ImageFacts,
  now = Date.UTC(2024, 0, 1)
): number {
  store.assets.save(facts)
  return store.photos.save(path, facts, now).id
}

/**
 * `n` photos in one statement per table (a recursive CTE): 50 folders, every tenth a PNG, dates
 * spread over about eleven years, every hundredth an exact copy of the one before.
 */
export function seedPhotos(db: Db, n: number): void {
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})
    INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
      version)
    SELECT printf('%064x', i), 4000, 3000, 'jpeg', 'AAAA',
      printf('%016x', (i * 2654435761) % 281474976710655), 't', 'p', 1 FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})
    INSERT INTO library_photos (path, name, folder, hash, phash, format, size, mtime, date,
      imported_at, name_key)
    SELECT '/photos/f' || (i % 50) || '/IMG_' || i || '.jpg', 'IMG_' || i || '.jpg',
      '/photos/f' || (i % 50), printf('%064x', CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END), '0',
      CASE WHEN i % 10 = 0 THEN 'png' ELSE 'jpeg' END, 100000 + (i * 7919) % 5000000, 0,
      1262304000000 + (i * 104729 % 100000) * 3600000, 1700000000000 + i * 1000,
      'img_' || printf('%03d', length(i)) || i || '.jpg' FROM n;
  `)
}
