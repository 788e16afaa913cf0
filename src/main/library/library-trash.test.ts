import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Envelope } from '@shared/contract'
import type { PhotoDetail, PhotoSummary, TrashedPhoto } from '@shared/contract/library'
import type { Core } from '../core/core'
import { useTestCores } from '../../../test/support/test-core'
import { useTempDir } from '../../../test/support/temp-dir'
import { writeJpeg } from '../../../test/support/test-images'

const tempDir = useTempDir()
/** Each test imports real files through worker processes: slow on a busy machine. */
const SLOW = 120_000
const core = useTestCores()

async function ask<T>(c: Core, channel: string, params: unknown = {}): Promise<Envelope<T>> {
  return (await c.router.dispatch(channel, params)) as Envelope<T>
}

async function call<T>(c: Core, channel: string, params: unknown = {}): Promise<T> {
  const envelope = await ask<T>(c, channel, params)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value
}

async function imported(c: Core, folder: string): Promise<void> {
  await call(c, 'library:import', { paths: [folder] })
  await vi.waitFor(
    async () => expect((await call<{ state: string }>(c, 'library:progress')).state).toBe('idle'),
    { timeout: SLOW, interval: 25 }
  )
}

type List = { total: number; items: PhotoSummary[] }
const list = (c: Core): Promise<List> => call<List>(c, 'library:list', { sort: 'name' })
const trash = (c: Core) => call<{ total: number; items: TrashedPhoto[] }>(c, 'library:trash')
const byName = async (c: Core, name: string): Promise<PhotoSummary> =>
  (await list(c)).items.find((p) => p.name === name)!

/** A folder of three photos: a.jpg, b.jpg and b-copy.jpg (the same bytes as b.jpg). */
async function trip(dir: string): Promise<string> {
  const folder = join(dir, 'Trip')
  mkdirSync(folder)
  await writeJpeg(join(folder, 'a.jpg'), { seed: 1 })
  await writeJpeg(join(folder, 'b.jpg'), { seed: 2 })
  copyFileSync(join(folder, 'b.jpg'), join(folder, 'b-copy.jpg'))
  return folder
}

describe('removing photos, with undo', () => {
  it(
    'moves removed photos to the Trash and restores them exactly',
    async () => {
      const dir = tempDir()
      const c = core(dir)
      await imported(c, await trip(dir))
      const before = await list(c)
      const details = await Promise.all(
        before.items.map((p) => call<PhotoDetail>(c, 'library:photo', { id: p.id }))
      )
      const a = await byName(c, 'a.jpg')

      expect(await call(c, 'library:remove', { ids: [a.id] })).toEqual({ removed: 1 })
      expect((await list(c)).items.map((p) => p.name)).toEqual(['b-copy.jpg', 'b.jpg'])
      expect((await trash(c)).items).toEqual([
        expect.objectContaining({ id: a.id, name: 'a.jpg', trashedAt: expect.any(Number) })
      ])
      // The original file is never touched by a removal.
      expect(existsSync(join(dir, 'Trip', 'a.jpg'))).toBe(true)

      expect(await call(c, 'library:restore', { ids: [a.id] })).toEqual({ restored: 1 })
      expect(await list(c)).toEqual(before)
      for (const d of details) expect(await call(c, 'library:photo', { id: d.id })).toEqual(d)
      expect((await trash(c)).total).toBe(0)

      // A whole selection in one request; ids no longer known are passed over.
      const ids = Array.from({ length: 10_000 }, (_, i) => i + 1)
      expect(await call(c, 'library:remove', { ids })).toEqual({ removed: 3 })
      expect((await list(c)).total).toBe(0)
      expect(await call(c, 'library:restore', { ids })).toEqual({ restored: 3 })
      expect(await list(c)).toEqual(before)

      // Files go to the system trash only where there is one: not in the browser version.
      const answer = await ask(c, 'library:trash-files', { ids: [a.id] })
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/not available in the browser/)
        }
      })
      expect(existsSync(join(dir, 'Trip', 'a.jpg'))).toBe(true)
      expect((await list(c)).total).toBe(3)
    },
    SLOW
  )

  it(
    'brings a photo in the Trash back when its file is imported again',
    async () => {
      const dir = tempDir()
      const c = core(dir)
      const folder = await trip(dir)
      await imported(c, folder)
      const a = await byName(c, 'a.jpg')
      await call(c, 'library:remove', { ids: [a.id] })

      await imported(c, folder)
      expect((await list(c)).items.map((p) => [p.name, p.id])).toContainEqual(['a.jpg', a.id])
      expect((await trash(c)).total).toBe(0)
      // The other two were in the library all along: skipped as already there, not failed.
      const failures = await call<{ items: { name: string; state: string }[] }>(
        c,
        'library:failures'
      )
      expect(failures.items.filter((f) => f.state === 'failed')).toEqual([])
    },
    SLOW
  )

  it(
    'empties the Trash, deleting cached files only of contents no photo shows',
    async () => {
      const dir = tempDir()
      const c = core(dir)
      await imported(c, await trip(dir))
      const thumbs = c.mediaRoots.thumbnails!
      const thumbOf = async (name: string): Promise<string> =>
        join(thumbs, (await byName(c, name)).thumb.replace('/media/thumbnails/', ''))
      const aThumb = await thumbOf('a.jpg')
      const bThumb = await thumbOf('b.jpg')
      expect(existsSync(aThumb) && existsSync(bThumb)).toBe(true)

      const ids = [(await byName(c, 'a.jpg')).id, (await byName(c, 'b.jpg')).id]
      await call(c, 'library:remove', { ids })
      expect(existsSync(aThumb)).toBe(true)
      expect(await call(c, 'library:empty-trash')).toEqual({ deleted: 2 })
      expect((await trash(c)).total).toBe(0)
      await vi.waitFor(() => expect(existsSync(aThumb)).toBe(false), { timeout: SLOW })
      // b-copy.jpg still shows b.jpg's content: its thumbnail stays.
      expect(existsSync(bThumb)).toBe(true)
      expect((await list(c)).items.map((p) => p.name)).toEqual(['b-copy.jpg'])
      expect(existsSync(join(dir, 'Trip', 'a.jpg'))).toBe(true)
    },
    SLOW
  )

  it(
    'moves files to the system trash when asked, and says which could not be moved',
    async () => {
      const dir = tempDir()
      const bin = join(dir, 'system-trash')
      mkdirSync(bin)
      const c = core(dir, {
        desktop: {
          trashItem: async (path) => {
            renameSync(path, join(bin, basename(path)))
            return true
          }
        }
      })
      const folder = await trip(dir)
      await imported(c, folder)
      const a = await byName(c, 'a.jpg')
      const b = await byName(c, 'b.jpg')
      renameSync(join(folder, 'b.jpg'), join(dir, 'moved-away.jpg'))

      expect(await call(c, 'library:trash-files', { ids: [a.id, b.id] })).toEqual({
        moved: 1,
        failed: [{ id: b.id, name: 'b.jpg', reason: expect.stringMatching(/not there any more/) }]
      })
      expect(existsSync(join(bin, 'a.jpg'))).toBe(true)
      expect((await trash(c)).items.map((p) => p.name)).toEqual(['a.jpg'])
    },
    SLOW
  )
})
