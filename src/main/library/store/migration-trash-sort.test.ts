import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../platform/store/database'
import { useTempDir } from '../../../../test/support/temp-dir'
import { openLibraryStore } from '../../../../test/support/photo-store-kit'
import { libraryMigrations } from './library-migrations'
import { nameKey } from './name-key'

const tempDir = useTempDir()

describe('migration 22 (Trash, natural names, tallies)', () => {
  it('fills name keys and tallies for photos imported before it', () => {
    const dir = tempDir()
    const old = openDatabase(join(dir, 'skyfolio.db'), {
      migrations: libraryMigrations.filter((m) => m.version < 22)
    })
    old.exec(`
      INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
        version)
      VALUES ('${'a'.repeat(64)}', 10, 10, 'jpeg', 'x', '0123456789abcdef', 't', 'p', 1),
             ('${'b'.repeat(64)}', 10, 10, 'png', 'x', 'fedcba9876543210', 't', 'p', 1);
      INSERT INTO library_photos (path, name, folder, hash, phash, format, size, mtime, date,
        imported_at)
      VALUES ('/t/IMG_10.jpg', 'IMG_10.jpg', '/t', '${'a'.repeat(64)}', '0', 'jpeg', 5, 0,
                ${Date.UTC(2020, 1, 3)}, ${Date.UTC(2024, 0, 1)}),
             ('/t/img_9.jpg', 'img_9.jpg', '/t', '${'a'.repeat(64)}', '0', 'jpeg', 5, 0,
                ${Date.UTC(2020, 1, 4)}, ${Date.UTC(2024, 0, 1)}),
             ('/u/Z.png', 'Z.png', '/u', '${'b'.repeat(64)}', '0', 'png', 7, 0,
                ${Date.UTC(2021, 6, 1)}, ${Date.UTC(2024, 1, 1)});`)
    old.close()

    const store = openLibraryStore(dir)
    expect(store.db.prepare('SELECT name, name_key FROM library_photos').all()).toEqual(
      ['IMG_10.jpg', 'img_9.jpg', 'Z.png'].map((name) => ({ name, name_key: nameKey(name) }))
    )
    const names = store.photos.list({ sort: 'name', filter: {}, offset: 0, limit: 10 })
    expect(names.items.map((p) => p.name)).toEqual(['img_9.jpg', 'IMG_10.jpg', 'Z.png'])
    expect(store.photos.facets()).toMatchObject({
      total: 3,
      folders: [
        { folder: '/t', count: 2 },
        { folder: '/u', count: 1 }
      ],
      formats: [
        { format: 'jpeg', count: 2 },
        { format: 'png', count: 1 }
      ],
      duplicates: 2
    })
    expect(store.photos.timeline('taken', false, {}).months).toMatchObject([
      { year: 2020, month: 2, count: 2, offset: 0 },
      { year: 2021, month: 7, count: 1, offset: 2 }
    ])
    expect(store.photos.timeline('imported', true, {}).months).toMatchObject([
      { year: 2024, month: 2, count: 1, offset: 0 },
      { year: 2024, month: 1, count: 2, offset: 1 }
    ])
  })
})
