import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { hammingDistance } from '@shared/library/dhash'
import { openDatabase } from '../../platform/store/database'
import { migrations } from '../../core/migrations'
import { useTempDir } from '../../../../test/support/temp-dir'
import { AssetRepository } from './asset-repository'
import { openQueue, rows, type QueueKit } from '../../../../test/support/library-test-kit'
import { PhotoRepository } from './photo-repository'
import { backfillSimilar } from './similar-pairs'
import { scenePixels } from '../../../../test/support/test-images'

const tempDir = useTempDir()
const open: QueueKit[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((k) => k.quit().catch(() => undefined)))
})

interface Pair {
  a: string
  b: string
  distance: number
}

/** A scene, its half-size copy re-encoded at a lower JPEG quality, and a different scene. */
async function photos(dir: string): Promise<string> {
  const folder = join(dir, 'photos')
  mkdirSync(folder)
  const original = await sharp(await scenePixels(1600, 1100, 1))
    .jpeg({ quality: 90 })
    .toBuffer()
  writeFileSync(join(folder, 'beach.jpg'), original)
  await sharp(original).resize(800).jpeg({ quality: 60 }).toFile(join(folder, 'beach-small.jpg'))
  await sharp(await scenePixels(1600, 1100, 2))
    .jpeg({ quality: 90 })
    .toFile(join(folder, 'forest.jpg'))
  return folder
}

async function imported(dir: string): Promise<QueueKit> {
  const k = openQueue(dir)
  open.push(k)
  k.queue.add([await photos(dir)], [])
  await k.queue.idle()
  return k
}

const byName = (k: QueueKit): Map<string, { id: number; hash: string; phash: string }> =>
  new Map(
    rows<{ id: number; name: string; hash: string; phash: string }>(
      k.db,
      'SELECT id, name, hash, phash FROM library_photos'
    ).map((r) => [r.name, r])
  )

const filtered = (k: QueueKit): string[] =>
  new PhotoRepository(k.db)
    .list({ sort: 'name', descending: false, filter: { duplicates: true }, offset: 0, limit: 50 })
    .items.map((i) => i.name)

describe('near-duplicates by dHash distance', () => {
  it('pairs a photo with its resized, re-encoded copy, not with a different photo', async () => {
    const k = await imported(tempDir())
    const p = byName(k)
    const beach = p.get('beach.jpg')!
    const small = p.get('beach-small.jpg')!
    const forest = p.get('forest.jpg')!
    expect(beach.hash).not.toBe(small.hash)
    const near = hammingDistance(beach.phash, small.phash)
    expect(near).toBeLessThanOrEqual(6)
    expect(hammingDistance(beach.phash, forest.phash)).toBeGreaterThan(12)

    const pairs = rows<Pair>(k.db, 'SELECT * FROM library_similar')
    expect(pairs).toEqual([
      {
        a: [beach.hash, small.hash].sort()[0],
        b: [beach.hash, small.hash].sort()[1],
        distance: near
      }
    ])
    const repo = new PhotoRepository(k.db)
    expect(repo.facets().duplicates).toBe(2)
    expect(filtered(k)).toEqual(['beach-small.jpg', 'beach.jpg'])
    expect(repo.get(beach.id)).toMatchObject({ similar: 1, copies: 0 })
    expect(repo.get(forest.id)).toMatchObject({ similar: 0, copies: 0 })
  })

  it('drops the pair when one of the photos is removed', async () => {
    const k = await imported(tempDir())
    const small = byName(k).get('beach-small.jpg')!
    expect(rows(k.db, 'SELECT * FROM library_similar')).toHaveLength(1)
    const repo = new PhotoRepository(k.db)
    expect(repo.remove([small.id])).toBe(1)
    // Until the orphaned content is deleted the pair is there but counts for nothing.
    expect(repo.facets().duplicates).toBe(0)
    // The Trash keeps the content until it is emptied.
    expect(new AssetRepository(k.db).deleteOrphans()).toBe(0)
    expect(repo.emptyTrash(null).deleted).toBe(1)
    expect(new AssetRepository(k.db).deleteOrphans()).toBe(1)
    expect(rows(k.db, 'SELECT * FROM library_similar')).toEqual([])
    expect(filtered(k)).toEqual([])

    // Imported again: the in-memory index forgot the removed content and pairs it afresh.
    k.queue.add([join(k.thumbs, '..', 'photos', 'beach-small.jpg')], [])
    await k.queue.idle()
    expect(rows(k.db, 'SELECT * FROM library_similar')).toHaveLength(1)
  })

  it('finds pairs among photos imported before pairs were recorded', async () => {
    const dir = tempDir()
    const k = await imported(dir)
    const before = rows<Pair>(k.db, 'SELECT * FROM library_similar')
    await k.quit()
    open.length = 0
    // The same photos in a database as the previous version left it: no pair tables.
    const dir2 = tempDir()
    const old = openDatabase(join(dir2, 'skyfolio.db'), {
      migrations: migrations.filter((m) => m.version <= 20)
    })
    old.exec(`ATTACH '${join(dir, 'skyfolio.db')}' AS done;
      INSERT INTO library_assets SELECT * FROM done.library_assets;
      INSERT INTO library_photos SELECT id, path, name, folder, hash, phash, format, size, mtime,
        date, imported_at, source_url FROM done.library_photos;`)
    old.close()

    const again = openQueue(dir2)
    open.push(again)
    expect(rows(again.db, 'SELECT * FROM library_similar')).toEqual([])
    expect(rows(again.db, 'SELECT * FROM library_similar_backfill')).toHaveLength(3)
    const backfill = backfillSimilar(again.db, { chunk: 1, sliceMs: 0 })
    expect(await backfill.done).toBe(1)
    expect(rows<Pair>(again.db, 'SELECT * FROM library_similar')).toEqual(before)
    expect(rows(again.db, 'SELECT * FROM library_similar_backfill')).toEqual([])
    expect(filtered(again)).toEqual(['beach-small.jpg', 'beach.jpg'])
  })
})
