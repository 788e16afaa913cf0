import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rows, useQueues, type QueueKit } from '../../../../test/support/library-test-kit'
import { useTempDir } from '../../../../test/support/temp-dir'
import { writeJpeg } from '../../../../test/support/test-images'
import { PhotoRepository } from '../store/photo-repository'

// Thumbnails first: phase 1 puts every file in the grid (thumbnail, facts), phase 2 makes the
// previews, and both live in the persisted queue.

const tempDir = useTempDir()
const kit = useQueues()

async function folderOfPhotos(dir: string, count: number, name = 'img'): Promise<string> {
  const folder = join(dir, 'photos')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < count; i++)
    await writeJpeg(join(folder, `${name}-${String(i).padStart(3, '0')}.jpg`), {
      seed: i,
      width: 320 + i
    })
  return folder
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5))
}

const count = (k: QueueKit, where: string): number =>
  rows<{ n: number }>(k.db, `SELECT count(*) AS n FROM library_jobs WHERE ${where}`)[0]!.n

interface Asset {
  thumb: string
  preview: string
  preview_error: string | null
}

describe('import phases', () => {
  it('makes every thumbnail of the batch before any preview, and the batch runs until both are done', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 10)
    const events: string[] = []
    const k = kit(dir, { workers: 2, events })
    k.queue.add([folder], [])
    await until(() => k.queue.progress().phase === 'previews' || k.finished.length > 0)
    await k.queue.idle()

    const firstPreview = events.findIndex((e) => e.startsWith('preview-start'))
    const lastThumb = events.findLastIndex((e) => e.startsWith('thumb-done'))
    expect(events.filter((e) => e.startsWith('thumb-done'))).toHaveLength(10)
    expect(events.filter((e) => e.startsWith('preview-done'))).toHaveLength(10)
    expect(firstPreview).toBeGreaterThan(lastThumb)
    // The batch ended only once the previews were made.
    expect(k.finished).toEqual([10])
    expect(count(k, `preview = 'done'`)).toBe(10)
    const assets = rows<Asset>(k.db, 'SELECT * FROM library_assets')
    for (const a of assets) {
      expect(a.preview).toMatch(/\.jpg$/)
      expect(existsSync(join(k.thumbs, a.preview))).toBe(true)
    }
    // Progress named the phase while it ran.
    expect(k.progress.some((p) => p.phase === 'thumbnails')).toBe(true)
  })

  it('makes the preview of a photo the user opens ahead of the rest of phase 1', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 16)
    const events: string[] = []
    const k = kit(dir, { workers: 1, events })
    k.queue.add([folder], [])
    // The first photo in the grid, opened while most files still wait for their thumbnail.
    await until(() => count(k, `preview = 'queued'`) > 0)
    const [first] = rows<{ path: string }>(
      k.db,
      `SELECT path FROM library_jobs WHERE preview = 'queued' ORDER BY id LIMIT 1`
    )
    expect(count(k, `state = 'queued'`)).toBeGreaterThan(0)
    expect(k.queue.wantPreview(first!.path)).toBe(true)
    await k.queue.idle()

    const bumped = events.indexOf(`preview-start ${first!.path}`)
    const lastThumb = events.findLastIndex((e) => e.startsWith('thumb-done'))
    expect(bumped).toBeGreaterThanOrEqual(0)
    expect(bumped).toBeLessThan(lastThumb)
    expect(count(k, `preview = 'done'`)).toBe(16)
  })

  it('resumes phase 2 after a quit: previews being made are made, none is lost', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 16)
    const events: string[] = []
    const first = kit(dir, { workers: 1, events })
    first.queue.add([folder], [])
    // Quit as the first preview comes back from the worker: results are written in batches, so
    // waiting for a 'done' row could see a fast machine finish every preview first.
    await until(() => events.some((e) => e.startsWith('preview-done')))
    await first.quit()

    const reopened = kit(dir, { workers: 2 })
    expect(count(reopened, `state = 'done'`)).toBe(16)
    expect(count(reopened, `preview IN ('queued', 'processing')`)).toBeGreaterThan(0)
    reopened.queue.start()
    expect(reopened.queue.progress()).toMatchObject({ state: 'running', phase: 'previews' })
    await reopened.queue.idle()
    expect(count(reopened, `preview = 'done'`)).toBe(16)
    expect(reopened.finished).toEqual([16])
    const assets = rows<Asset>(reopened.db, 'SELECT * FROM library_assets')
    expect(assets).toHaveLength(16)
    for (const a of assets) expect(existsSync(join(reopened.thumbs, a.preview))).toBe(true)
  })

  it('resumes phase 1 after a quit and then makes every preview', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 16)
    const events: string[] = []
    const first = kit(dir, { workers: 1, events })
    first.queue.add([folder], [])
    // Quit as the second thumbnail comes back from the worker (rows are written in batches).
    await until(() => events.filter((e) => e.startsWith('thumb-done')).length >= 2)
    await first.quit()

    const reopened = kit(dir, { workers: 2 })
    expect(count(reopened, `state != 'done'`)).toBeGreaterThan(0)
    reopened.queue.start()
    await reopened.queue.idle()
    expect(count(reopened, `state = 'done'`)).toBe(16)
    expect(count(reopened, `preview = 'done'`)).toBe(16)
  })

  it('keeps the thumbnail of a file whose preview fails, and shows why', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 2)
    await writeJpeg(join(folder, 'preview-crash.jpg'), { seed: 99, width: 300 })
    const k = kit(dir, { workers: 1 })
    k.queue.add([folder], [])
    await k.queue.idle()

    // An import that succeeded: the photo is in the library and not among the failures.
    expect(count(k, `state = 'done'`)).toBe(3)
    expect(k.finished).toEqual([3])
    const [job] = rows<{ id: number; preview: string }>(
      k.db,
      `SELECT id, preview FROM library_jobs WHERE source LIKE '%preview-crash.jpg'`
    )
    expect(job!.preview).toBe('failed')
    const photos = new PhotoRepository(k.db)
    const [{ id }] = rows<{ id: number }>(
      k.db,
      `SELECT id FROM library_photos WHERE name = 'preview-crash.jpg'`
    ) as [{ id: number }]
    const detail = photos.get(id)!
    expect(detail.previewError).toMatch(/\w/)
    expect(detail.previewPending).toBe(false)
    // The lightbox shows the thumbnail instead.
    expect(detail.preview).toBe(detail.thumb)
    const [asset] = rows<Asset>(
      k.db,
      `SELECT a.* FROM library_assets a JOIN library_photos p ON p.hash = a.hash WHERE p.id = ?`,
      id
    )
    expect(existsSync(join(k.thumbs, asset!.thumb))).toBe(true)
    expect(count(k, `preview = 'done'`)).toBe(2)
  })
})
