import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { sidecarFile } from '@shared/library/thumbnails'
import { memoryLogger } from '../../platform/log'
import type { Db } from '../../platform/store/database'
import { useTempDir } from '../../../../test/support/temp-dir'
import {
  addPhoto,
  openLibraryStore,
  photoFacts,
  seedPhotos
} from '../../../../test/support/photo-store-kit'
import { FileSweep } from './file-sweep'

const tempDir = useTempDir()
const all = (db: Db, sql: string): unknown[] => db.prepare(sql).all()
const view = (store: ReturnType<typeof openLibraryStore>) => ({
  list: store.photos.list({ sort: 'taken', filter: {}, offset: 0, limit: 500 }),
  facets: store.photos.facets(),
  timeline: store.photos.timeline('taken', undefined, {}),
  duplicates: store.photos.list({ sort: 'name', filter: { duplicates: true }, offset: 0, limit: 9 })
})

/** Six photos in two folders; b.jpg and b-copy.jpg share their content. */
function library() {
  const store = openLibraryStore(tempDir())
  const ids = ['/x/a.jpg', '/x/b.jpg', '/y/b-copy.jpg', '/y/c.png', '/y/d.jpg', '/x/e.jpg'].map(
    (path, i) =>
      addPhoto(
        store,
        path,
        photoFacts(path.includes('b-copy') ? 2 : i + 1, {
          format: path.endsWith('.png') ? 'png' : 'jpeg',
          takenAt: Date.UTC(2021, i, 10)
        }),
        Date.UTC(2024, 0, 1 + i)
      )
  )
  return { store, ids }
}

/** The tallies the triggers keep, and the same counted from the rows. */
function tallies(db: Db) {
  const kept = all(db, 'SELECT kind, key, count FROM library_tallies ORDER BY kind, key')
  const counted = all(
    db,
    `SELECT kind, key, count(*) AS count FROM (
       SELECT 'folder' AS kind, folder AS key FROM library_photos WHERE trashed_at IS NULL
       UNION ALL SELECT 'format', format FROM library_photos WHERE trashed_at IS NULL
       UNION ALL SELECT 'month', strftime('%Y-%m', date / 1000.0, 'unixepoch')
         FROM library_photos WHERE trashed_at IS NULL
       UNION ALL SELECT 'imported', strftime('%Y-%m', imported_at / 1000.0, 'unixepoch')
         FROM library_photos WHERE trashed_at IS NULL
       UNION ALL SELECT 'hash', hash FROM library_photos WHERE trashed_at IS NULL)
     GROUP BY kind, key ORDER BY kind, key`
  )
  return { kept, counted }
}

describe('the library Trash', () => {
  it('hides removed photos everywhere and restores them exactly as they were', () => {
    const { store, ids } = library()
    const rowsBefore = all(store.db, 'SELECT * FROM library_photos ORDER BY id')
    const before = view(store)
    expect(before.facets.duplicates).toBe(2)
    expect(before.duplicates.items.map((p) => p.name)).toEqual(['b-copy.jpg', 'b.jpg'])

    expect(store.photos.remove([ids[1]!, ids[3]!], Date.UTC(2024, 6, 1))).toBe(2)
    const after = view(store)
    expect(after.list.total).toBe(4)
    expect(after.list.items.map((p) => p.name)).not.toContain('b.jpg')
    expect(after.facets).toMatchObject({ total: 4, duplicates: 0 })
    expect(after.facets.formats).toEqual([{ format: 'jpeg', count: 4 }])
    expect(after.timeline.total).toBe(4)
    expect(after.duplicates.items).toEqual([])
    expect(store.photos.get(ids[2]!)).toMatchObject({ copies: 0, trashedAt: null })
    expect(store.photos.get(ids[1]!)).toMatchObject({ trashedAt: Date.UTC(2024, 6, 1) })
    const trash = store.photos.trash({ offset: 0, limit: 10 })
    expect(trash.total).toBe(2)
    expect(trash.items.map((p) => p.name).sort()).toEqual(['b.jpg', 'c.png'])

    // Already in the Trash: removed again, nothing changes.
    expect(store.photos.remove([ids[1]!], Date.UTC(2025, 0, 1))).toBe(0)
    expect(store.photos.restore([ids[1]!, ids[3]!, ids[0]!])).toBe(2)
    expect(all(store.db, 'SELECT * FROM library_photos ORDER BY id')).toEqual(rowsBefore)
    expect(view(store)).toEqual(before)
    expect(store.photos.trash({ offset: 0, limit: 10 }).total).toBe(0)
  })

  it('removes and restores 40,000 photos in one request', () => {
    const store = openLibraryStore(tempDir())
    // More ids than SQLite allows parameters in one statement (32,766).
    seedPhotos(store.db, 40_000)
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1)
    expect(store.photos.remove(ids, 1)).toBe(40_000)
    expect(store.photos.facets().total).toBe(0)
    expect(store.photos.restore(ids)).toBe(40_000)
    expect(store.photos.facets().total).toBe(40_000)
    const { kept, counted } = tallies(store.db)
    expect(kept).toEqual(counted)
  }, 120_000)

  it('brings a trashed photo back, with its id, when its file is imported again', () => {
    const { store, ids } = library()
    store.photos.remove([ids[0]!, ids[1]!], 5)
    expect(store.photos.knownPaths(['/x/a.jpg', '/x/e.jpg'])).toEqual(new Set(['/x/e.jpg']))
    const again = store.photos.save('/x/a.jpg', photoFacts(1), Date.UTC(2024, 2, 1))
    expect(again).toEqual({ id: ids[0], duplicate: false })
    expect(store.photos.get(ids[0]!)).toMatchObject({ trashedAt: null, name: 'a.jpg' })
    // Content only the Trash still shows is not "already in the library".
    store.photos.remove([ids[2]!], 6)
    expect(store.photos.save('/z/b-again.jpg', photoFacts(2), 7).duplicate).toBe(false)
  })

  it('keeps its tallies equal to the rows through every change', () => {
    const { store, ids } = library()
    store.photos.remove([ids[0]!, ids[3]!], 1)
    store.db.prepare("UPDATE library_photos SET folder = '/z', date = 0 WHERE id = ?").run(ids[4]!)
    store.photos.restore([ids[3]!])
    store.photos.save('/x/e.jpg', photoFacts(6, { format: 'png' }), 2)
    store.photos.remove([ids[5]!], 3)
    store.photos.emptyTrash([ids[5]!])
    const { kept, counted } = tallies(store.db)
    expect(kept).toEqual(counted)
    expect(kept).toContainEqual({ kind: 'month', key: '1970-01', count: 1 })
  })

  it('empties the Trash and deletes cached files only of contents no photo shows', async () => {
    const { store, ids } = library()
    const thumbs = tempDir()
    const filesOf = (n: number): string[] => {
      const f = photoFacts(n)
      return [f.thumb, f.preview, sidecarFile(f.hash)].map((p) => join(thumbs, p))
    }
    for (const n of [1, 2, 3])
      for (const file of filesOf(n)) {
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, 'x')
      }
    // b.jpg goes, but b-copy.jpg still shows content 2; a.jpg and c.png take theirs with them.
    store.photos.remove([ids[0]!, ids[1]!, ids[3]!], 1)
    const some = store.photos.emptyTrash([ids[0]!, ids[1]!])
    expect(some.deleted).toBe(2)
    const rest = store.photos.emptyTrash(null)
    expect(rest.deleted).toBe(1)
    expect(store.assets.deleteOrphans([...some.hashes, ...rest.hashes])).toBe(2)
    expect(store.assets.get(photoFacts(2).hash)).toBeDefined()
    expect(store.assets.get(photoFacts(1).hash)).toBeUndefined()
    expect(store.photos.trash({ offset: 0, limit: 10 }).total).toBe(0)

    let idle = false
    const sweep = new FileSweep({
      db: store.db,
      dir: thumbs,
      idle: () => idle,
      log: memoryLogger()
    })
    sweep.run()
    await new Promise((r) => setImmediate(r))
    // An import is under way: a worker may be reusing these files, so they wait.
    expect(filesOf(1).every((f) => existsSync(f))).toBe(true)
    idle = true
    sweep.run()
    await vi.waitFor(() => expect(filesOf(1).some((f) => existsSync(f))).toBe(false))
    expect(filesOf(2).every((f) => existsSync(f))).toBe(true)
    expect(filesOf(3).every((f) => existsSync(f))).toBe(true)
    expect(all(store.db, 'SELECT * FROM library_file_sweep')).toEqual([])
  })

  it('keeps the files of a content imported again before the sweep ran', async () => {
    const { store, ids } = library()
    const thumbs = tempDir()
    const thumb = join(thumbs, photoFacts(1).thumb)
    mkdirSync(dirname(thumb), { recursive: true })
    writeFileSync(thumb, 'x')
    store.photos.remove([ids[0]!], 1)
    const { hashes } = store.photos.emptyTrash(null)
    expect(store.assets.deleteOrphans(hashes)).toBe(1)
    addPhoto(store, '/elsewhere/a.jpg', photoFacts(1))
    const sweep = new FileSweep({
      db: store.db,
      dir: thumbs,
      idle: () => true,
      log: memoryLogger()
    })
    sweep.run()
    await vi.waitFor(() => expect(all(store.db, 'SELECT * FROM library_file_sweep')).toEqual([]))
    expect(existsSync(thumb)).toBe(true)
  })
})
