import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { fingerprint } from '@shared/library/fingerprint'
import { fingerprintToBase64 } from '@shared/library/fingerprint-codec'
import { openDatabase } from '../../platform/store/database'
import { migrations } from '../../core/migrations'
import { useTempDir } from '../../../../test/support/temp-dir'
import { openQueue, rows, type QueueKit } from '../../../../test/support/library-test-kit'
import { scenePixels } from '../../../../test/support/test-images'
import { AssetRepository } from './asset-repository'
import { DuplicateGroups, dismissNotDuplicates } from './duplicate-groups'
import { PhotoRepository } from './photo-repository'
import { SimilarPairs } from './similar-pairs'
import { backfillSimilar, type Backfill } from '../pairing/pairing-client'
import { sourceLauncher, sourceWorkerEntry } from '../../../../test/support/source-workers'

const tempDir = useTempDir()
const open: QueueKit[] = []
const loops: Backfill[] = []
afterEach(async () => {
  await Promise.all(loops.splice(0).map((l) => l.stop()))
  await Promise.all(open.splice(0).map((k) => k.quit().catch(() => undefined)))
})

const flat = (r: number, g: number, b: number): Sharp =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r, g, b } } })

/**
 * A scene and its half-size copy re-encoded at a lower JPEG quality, a different scene; a flat
 * blue picture, its JPEG copy, and a flat picture of a slightly different blue.
 */
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
  await flat(40, 90, 200).png().toFile(join(folder, 'blue.png'))
  await flat(40, 90, 200).jpeg({ quality: 60 }).toFile(join(folder, 'blue-copy.jpg'))
  await flat(40, 90, 214).png().toFile(join(folder, 'navy.png'))
  return folder
}

async function imported(dir: string): Promise<QueueKit> {
  const k = openQueue(dir)
  open.push(k)
  k.queue.add([await photos(dir)], [])
  await k.queue.idle()
  return k
}

/** The pairing worker, run from source. */
const worker = (): { launcher: ReturnType<typeof sourceLauncher>; entry: string } => ({
  launcher: sourceLauncher(),
  entry: sourceWorkerEntry('pairing-worker')
})

/** Runs the pairing worker until nothing is queued. */
async function paired(k: { db: QueueKit['db'] }, thumbsDir: string): Promise<Backfill> {
  const loop = backfillSimilar(k.db, { thumbsDir, ...worker(), pairs: 2, reads: 2 })
  loops.push(loop)
  await loop.idle()
  return loop
}

const byName = (k: QueueKit): Map<string, { id: number; hash: string }> =>
  new Map(
    rows<{ id: number; name: string; hash: string }>(
      k.db,
      'SELECT id, name, hash FROM library_photos'
    ).map((r) => [r.name, r])
  )

/** Pairs as sorted name pairs. */
const pairNames = (k: QueueKit): string[][] => {
  const names = new Map([...byName(k)].map(([name, p]) => [p.hash, name]))
  return rows<{ a: string; b: string }>(k.db, 'SELECT a, b FROM library_similar')
    .map((p) => [names.get(p.a)!, names.get(p.b)!].sort())
    .sort((x, y) => x[0]!.localeCompare(y[0]!))
}

const filtered = (k: QueueKit): string[] =>
  new PhotoRepository(k.db)
    .list({ sort: 'name', descending: false, filter: { duplicates: true }, offset: 0, limit: 50 })
    .items.map((i) => i.name)

/** Imports run real workers from source: slow on a loaded machine, never timed. */
const SLOW = 180_000

describe('near-duplicates by the measured rule', () => {
  it(
    'pairs copies (a resized photo, a re-encoded flat picture), never different pictures',
    async () => {
      const k = await imported(tempDir())
      await paired(k, k.thumbs)
      expect(pairNames(k)).toEqual([
        ['beach-small.jpg', 'beach.jpg'],
        ['blue-copy.jpg', 'blue.png']
      ])
      expect(rows(k.db, 'SELECT * FROM library_similar_backfill')).toEqual([])
      expect(rows(k.db, 'SELECT hash FROM library_near_keys WHERE key IS NOT NULL')).toHaveLength(6)
      expect(filtered(k)).toEqual(['beach-small.jpg', 'beach.jpg', 'blue-copy.jpg', 'blue.png'])
      const repo = new PhotoRepository(k.db)
      expect(repo.get(byName(k).get('beach.jpg')!.id)).toMatchObject({ similar: 1 })
      expect(repo.get(byName(k).get('navy.png')!.id)).toMatchObject({ similar: 0 })
    },
    SLOW
  )

  it(
    'pairs a content stored later at once, with the fingerprint the worker sent',
    async () => {
      const k = await imported(tempDir())
      const loop = await paired(k, k.thumbs)
      // A smaller copy of the beach, as a worker would have fingerprinted it.
      const thumb = rows<{ thumb: string }>(
        k.db,
        'SELECT thumb FROM library_assets WHERE hash = ?',
        byName(k).get('beach.jpg')!.hash
      )[0]!.thumb
      const pixels = await sharp(join(k.thumbs, thumb))
        .resize(200)
        .raw()
        .toBuffer({ resolveWithObject: true })
      const f = fingerprint(
        pixels.data,
        pixels.info.width,
        pixels.info.height,
        pixels.info.channels
      )
      const hash = 'f'.repeat(64)
      k.db
        .prepare(
          `INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
           version) VALUES (?, 400, 275, 'jpeg', '', '0000000000000000', 'nowhere.webp', '', 1)`
        )
        .run(hash)
      // No thumbnail to read: the fingerprint given is the one used.
      new SimilarPairs(k.db).record(hash, '0000000000000000', fingerprintToBase64(f))
      await loop.idle()
      const partners = rows<{ a: string; b: string }>(
        k.db,
        'SELECT a, b FROM library_similar WHERE a = ? OR b = ?',
        hash,
        hash
      ).map((p) => (p.a === hash ? p.b : p.a))
      const names = byName(k)
      expect(partners.sort()).toEqual(
        [names.get('beach.jpg')!.hash, names.get('beach-small.jpg')!.hash].sort()
      )
    },
    SLOW
  )

  it(
    'drops the pair when one of the photos is removed, and pairs it again if re-imported',
    async () => {
      const k = await imported(tempDir())
      const loop = await paired(k, k.thumbs)
      const small = byName(k).get('beach-small.jpg')!
      const repo = new PhotoRepository(k.db)
      expect(repo.remove([small.id])).toBe(1)
      // In the Trash it counts for nothing, and the content stays until the Trash is emptied.
      expect(filtered(k)).toEqual(['blue-copy.jpg', 'blue.png'])
      expect(new AssetRepository(k.db).deleteOrphans()).toBe(0)
      expect(repo.emptyTrash(null).deleted).toBe(1)
      expect(new AssetRepository(k.db).deleteOrphans()).toBe(1)
      expect(pairNames(k)).toEqual([['blue-copy.jpg', 'blue.png']])

      k.queue.add([join(k.thumbs, '..', 'photos', 'beach-small.jpg')], [])
      await k.queue.idle()
      await loop.idle()
      expect(pairNames(k)).toEqual([
        ['beach-small.jpg', 'beach.jpg'],
        ['blue-copy.jpg', 'blue.png']
      ])
    },
    SLOW
  )

  it(
    'makes the pairs again for a library paired by the old dHash rule',
    async () => {
      const dir = tempDir()
      const k = await imported(dir)
      await k.quit()
      open.length = 0
      // The same library as the version before left it, with a pair the old rule made wrongly.
      const dir2 = tempDir()
      const old = openDatabase(join(dir2, 'skyfolio.db'), {
        migrations: migrations.filter((m) => m.version < 26)
      })
      old.exec(`ATTACH '${join(dir, 'skyfolio.db')}' AS done`)
      for (const table of ['library_assets', 'library_photos']) {
        const columns = (old.pragma(`table_info(${table})`) as { name: string }[])
          .map((c) => c.name)
          .join(', ')
        old.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM done.${table}`)
      }
      old.exec(`INSERT INTO library_similar (a, b, distance)
      SELECT min(hash), max(hash), 4 FROM done.library_photos
      WHERE name IN ('forest.jpg', 'navy.png')`)
      expect(rows(old, 'SELECT * FROM library_similar')).toHaveLength(1)
      old.close()

      const again = openQueue(dir2)
      open.push(again)
      expect(rows(again.db, 'SELECT * FROM library_similar')).toEqual([])
      expect(rows(again.db, 'SELECT * FROM library_similar_backfill')).toHaveLength(6)
      // The thumbnails the first import made are where the fingerprints come from.
      const loop = backfillSimilar(again.db, {
        thumbsDir: k.thumbs,
        ...worker(),
        pairs: 1,
        reads: 1
      })
      loops.push(loop)
      expect(await loop.done).toBe(2)
      expect(pairNames(again)).toEqual([
        ['beach-small.jpg', 'beach.jpg'],
        ['blue-copy.jpg', 'blue.png']
      ])
    },
    SLOW
  )

  it(
    'remembers "not duplicates": the pair is never made again',
    async () => {
      const k = await imported(tempDir())
      const loop = await paired(k, k.thumbs)
      const names = byName(k)
      const [beach, small] = [names.get('beach.jpg')!, names.get('beach-small.jpg')!]
      expect(dismissNotDuplicates(k.db, [beach.id, small.id], 1000)).toBe(1)
      expect(pairNames(k)).toEqual([['blue-copy.jpg', 'blue.png']])
      expect(new DuplicateGroups(k.db).of(beach.id)).toBeNull()

      // Both contents compared again (as after a new import of either): still not paired.
      const pairs = new SimilarPairs(k.db)
      pairs.record(beach.hash)
      pairs.record(small.hash)
      await loop.idle()
      expect(pairNames(k)).toEqual([['blue-copy.jpg', 'blue.png']])
      expect(rows(k.db, 'SELECT a, b, at FROM library_not_duplicates')).toEqual([
        { a: [beach.hash, small.hash].sort()[0], b: [beach.hash, small.hash].sort()[1], at: 1000 }
      ])
    },
    SLOW
  )

  it(
    'groups duplicates for review, with what to compare and the best copy first',
    async () => {
      const dir = tempDir()
      const k = await imported(dir)
      // The same file in a second folder, its modified time older: an exact copy.
      const other = join(dir, 'elsewhere')
      mkdirSync(other)
      const forest = join(other, 'forest.jpg')
      copyFileSync(join(dir, 'photos', 'forest.jpg'), forest)
      utimesSync(forest, new Date(2001, 0, 1), new Date(2001, 0, 1))
      k.queue.add([forest], [])
      await k.queue.idle()
      await paired(k, k.thumbs)

      const groups = new DuplicateGroups(k.db)
      const { total, groups: page } = groups.list(0, 10)
      expect(total).toBe(3)
      const names = (g: (typeof page)[number]): string[] => g.members.map((m) => m.name)
      const beachGroup = page.find((g) => names(g).includes('beach.jpg'))!
      // Largest first.
      expect(names(beachGroup)).toEqual(['beach.jpg', 'beach-small.jpg'])
      expect(beachGroup.best).toBe(beachGroup.members[0]!.id)
      expect(beachGroup.members[0]).toMatchObject({
        width: 1600,
        height: 1100,
        format: 'jpeg',
        folder: join(dir, 'photos'),
        sharpness: expect.any(Number)
      })
      expect(beachGroup.members[1]).toMatchObject({ width: 800, height: 550 })
      // Same size and sharpness: the oldest is kept.
      const forestGroup = page.find((g) => names(g).includes('forest.jpg'))!
      expect(forestGroup.members.map((m) => m.folder)).toEqual([other, join(dir, 'photos')])
      expect(groups.of(forestGroup.members[1]!.id)).toEqual(forestGroup)
      expect(groups.of(byName(k).get('navy.png')!.id)).toBeNull()
    },
    SLOW
  )
})
