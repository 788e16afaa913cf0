import { copyFileSync, mkdirSync, writeFileSync, symlinkSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { rows, useQueues, type QueueKit } from '../../../../test/support/library-test-kit'
import {
  heicHead,
  pixelBombPng,
  writeJpeg,
  writeRotatedCopy
} from '../../../../test/support/test-images'

const tempDir = useTempDir()
const kit = useQueues()

interface Job {
  source: string
  state: string
  code: string | null
  reason: string | null
}

async function folderOfPhotos(dir: string, count: number): Promise<string> {
  const folder = join(dir, 'photos')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < count; i++)
    await writeJpeg(join(folder, `img-${String(i).padStart(3, '0')}.jpg`), {
      seed: i,
      width: 160 + i
    })
  return folder
}

describe('ImportQueue', () => {
  it('imports a folder: one job and one photo per file, thumbnails on disk', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 6)
    writeFileSync(join(folder, '.DS_Store'), 'junk')
    mkdirSync(join(folder, '@eaDir'))
    await writeJpeg(join(folder, '@eaDir', 'thumb.jpg'))
    writeFileSync(join(folder, 'notes.txt'), 'not a photo')
    const k = kit(dir)
    k.queue.add([folder], [])
    await k.queue.idle()
    const photos = rows<{ path: string; hash: string }>(
      k.db,
      'SELECT path, hash FROM library_photos'
    )
    expect(photos).toHaveLength(6)
    const jobs = rows<Job>(k.db, 'SELECT * FROM library_jobs')
    expect(jobs.map((j) => j.state)).toEqual(Array(6).fill('done'))
    const assets = rows<{ thumb: string; preview: string }>(k.db, 'SELECT * FROM library_assets')
    for (const a of assets) {
      expect(existsSync(join(k.thumbs, a.thumb))).toBe(true)
      expect(existsSync(join(k.thumbs, a.preview))).toBe(true)
    }
    expect(k.finished).toEqual([6])
  })

  it('links exact duplicates to one asset instead of processing them again', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 2)
    mkdirSync(join(folder, 'copies'))
    copyFileSync(join(folder, 'img-000.jpg'), join(folder, 'copies', 'same-photo.jpg'))
    const k = kit(dir, { workers: 1 })
    k.queue.add([folder], [])
    await k.queue.idle()
    expect(rows(k.db, 'SELECT * FROM library_photos')).toHaveLength(3)
    expect(rows(k.db, 'SELECT * FROM library_assets')).toHaveLength(2)
    const dupes = rows<Job>(k.db, `SELECT * FROM library_jobs WHERE code = 'duplicate'`)
    expect(dupes).toHaveLength(1)
    expect(k.queue.progress().state).toBe('idle')
  })

  it('skips files already in the library when a folder is imported again', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 3)
    const k = kit(dir)
    k.queue.add([folder], [])
    await k.queue.idle()
    k.queue.add([folder], [])
    await k.queue.idle()
    expect(rows(k.db, 'SELECT * FROM library_photos')).toHaveLength(3)
    const again = rows<Job>(k.db, `SELECT * FROM library_jobs WHERE code = 'already-imported'`)
    expect(again).toHaveLength(3)
  })

  it('survives a quit mid-import and resumes without duplicates or losses', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 24)
    const first = kit(dir, { workers: 1 })
    first.queue.add([folder], [])
    // Quit as soon as some, but not all, files are done.
    while (rows(first.db, `SELECT id FROM library_jobs WHERE state = 'done'`).length < 3)
      await new Promise((r) => setTimeout(r, 10))
    await first.quit()

    const reopened = kit(dir, { workers: 2 })
    const left = rows<Job>(reopened.db, `SELECT * FROM library_jobs WHERE state != 'done'`)
    expect(left.length).toBeGreaterThan(0)
    reopened.queue.start()
    await reopened.queue.idle()
    const jobs = rows<Job>(reopened.db, 'SELECT * FROM library_jobs')
    expect(jobs).toHaveLength(24)
    expect(new Set(jobs.map((j) => j.source)).size).toBe(24)
    expect(jobs.every((j) => j.state === 'done')).toBe(true)
    const photos = rows<{ path: string }>(reopened.db, 'SELECT path FROM library_photos')
    expect(photos).toHaveLength(24)
    // 24 thumbnails and then 24 previews, on a machine that may be shared.
  }, 90_000)

  it('does not hold two quick restarts against the files that were being read', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 6)
    const inFlight = (k: QueueKit): string[] =>
      rows<Job>(k.db, `SELECT source FROM library_jobs WHERE state = 'processing'`).map(
        (j) => j.source
      )
    // Quit twice while the same files are in flight (claimed, workers still starting).
    const first = kit(dir, { workers: 1 })
    first.queue.add([folder], [])
    while (inFlight(first).length === 0) await new Promise((r) => setTimeout(r, 5))
    const interrupted = inFlight(first)
    await first.quit()
    const second = kit(dir, { workers: 1 })
    second.queue.start()
    expect(inFlight(second)).toEqual(interrupted)
    await second.quit()

    const third = kit(dir, { workers: 1 })
    third.queue.start()
    await third.queue.idle()
    const jobs = rows<Job>(third.db, 'SELECT * FROM library_jobs')
    expect(jobs.filter((j) => j.state !== 'done')).toEqual([])
    expect(rows(third.db, 'SELECT * FROM library_photos')).toHaveLength(6)
  }, 120_000)

  it('resumes a paused import only when told to, and cancel skips what was left', async () => {
    const dir = tempDir()
    const folder = await folderOfPhotos(dir, 12)
    const k = kit(dir, { workers: 1 })
    k.queue.add([folder], [])
    k.queue.pause()
    expect(k.queue.progress().state).toBe('paused')
    await new Promise((r) => setTimeout(r, 300))
    const doneWhilePaused = rows(k.db, `SELECT id FROM library_jobs WHERE state = 'done'`).length
    expect(doneWhilePaused).toBeLessThanOrEqual(2) // only what was already in flight
    k.queue.resume()
    while (rows(k.db, `SELECT id FROM library_jobs WHERE state = 'done'`).length < 4)
      await new Promise((r) => setTimeout(r, 10))
    k.queue.cancel()
    expect(k.queue.progress().state).toBe('idle')
    // Files being read when it was cancelled still finish (however long a loaded machine takes).
    const unsettled = `SELECT id FROM library_jobs WHERE state IN ('queued', 'processing')`
    await vi.waitFor(() => expect(rows(k.db, unsettled)).toHaveLength(0), {
      timeout: 15_000,
      interval: 20
    })
    const states = rows<Job>(k.db, 'SELECT state, code FROM library_jobs')
    expect(states.filter((j) => j.code === 'cancelled').length).toBeGreaterThan(0)
    expect(states).toHaveLength(12)
  })

  it('gives every bad input its own reason and carries on with the batch', async () => {
    const dir = tempDir()
    const folder = join(dir, 'mixed')
    mkdirSync(folder)
    const good = await writeJpeg(join(folder, 'good.jpg'), { seed: 1 })
    writeFileSync(join(folder, 'empty.jpg'), '')
    writeFileSync(join(folder, 'text-named.jpg'), 'Hello, I am a text file pretending.\n')
    writeFileSync(join(folder, 'cut.jpg'), good.subarray(0, Math.floor(good.length / 2)))
    writeFileSync(join(folder, 'bomb.png'), pixelBombPng(30_000))
    writeFileSync(join(folder, 'iphone.heic'), heicHead())
    symlinkSync(join(folder, 'nowhere.jpg'), join(folder, 'dangling.jpg'))
    symlinkSync(folder, join(folder, 'loop'))
    // A deep, long, non-ASCII path is a perfectly good photo.
    const deep = join(
      folder,
      ...Array.from({ length: 6 }, (_, i) => `Ordner-${i}-Ünïcödé-照片-${'x'.repeat(40)}`)
    )
    mkdirSync(deep, { recursive: true })
    await writeJpeg(join(deep, 'Fête à Montréal — été 2023 🌅.jpg'), { seed: 2 })
    const k = kit(dir)
    k.queue.add([folder], [])
    await k.queue.idle()

    const jobs = rows<Job>(k.db, 'SELECT source, state, code, reason FROM library_jobs')
    const by = (name: string): Job | undefined => jobs.find((j) => j.source.endsWith(name))
    expect(by('good.jpg')?.state).toBe('done')
    expect(by('été 2023 🌅.jpg')?.state).toBe('done')
    expect(by('empty.jpg')).toMatchObject({ state: 'failed', code: 'empty' })
    expect(by('text-named.jpg')).toMatchObject({ state: 'failed', code: 'not-image' })
    expect(by('cut.jpg')).toMatchObject({ state: 'failed', code: 'truncated' })
    expect(by('bomb.png')).toMatchObject({ state: 'failed', code: 'too-large' })
    expect(by('iphone.heic')).toMatchObject({ state: 'skipped', code: 'unsupported' })
    expect(by('iphone.heic')?.reason).toMatch(/HEIC/)
    expect(by('dangling.jpg')).toMatchObject({ state: 'failed', code: 'missing' })
    expect(by('/loop')).toMatchObject({ state: 'failed', code: 'loop' })
    expect(jobs.every((j) => j.state !== 'failed' || (j.reason ?? '').length > 10)).toBe(true)
    expect(rows(k.db, 'SELECT * FROM library_photos')).toHaveLength(2)
  })

  it('reports a file it may not read', async (ctx) => {
    if (process.getuid?.() === 0) {
      const why = 'running as root, which may read any file: a permission error cannot be made'
      console.warn(`skipped "reports a file it may not read": ${why}`)
      ctx.skip(why)
    }
    const dir = tempDir()
    const file = join(dir, 'secret.jpg')
    await writeJpeg(file)
    const { chmodSync } = await import('node:fs')
    chmodSync(file, 0o000)
    const k = kit(dir)
    k.queue.add([file], [])
    await k.queue.idle()
    expect(rows<Job>(k.db, 'SELECT * FROM library_jobs')[0]).toMatchObject({ code: 'unreadable' })
  })

  it('never retries a failed file by itself, but does when the user asks', async () => {
    const dir = tempDir()
    const file = join(dir, 'later.jpg')
    writeFileSync(file, '')
    const k = kit(dir)
    k.queue.add([file], [])
    await k.queue.idle()
    expect(rows<Job>(k.db, 'SELECT * FROM library_jobs')[0]?.state).toBe('failed')
    k.queue.start() // a restart leaves failed files alone
    await k.queue.idle()
    expect(rows<Job>(k.db, 'SELECT * FROM library_jobs')[0]?.state).toBe('failed')
    await writeJpeg(file, { seed: 9 })
    k.queue.retry(null)
    await k.queue.idle()
    expect(rows<Job>(k.db, 'SELECT * FROM library_jobs')[0]?.state).toBe('done')
  })

  it('makes the same thumbnail for an EXIF-rotated photo as for the upright original', async () => {
    const dir = tempDir()
    const upright = await writeJpeg(join(dir, 'upright.jpg'), { width: 400, height: 240, seed: 3 })
    await writeRotatedCopy(upright, join(dir, 'rotated.jpg'))
    expect((await sharp(join(dir, 'rotated.jpg')).metadata()).orientation).toBe(6)
    const k = kit(dir)
    k.queue.add([join(dir, 'upright.jpg'), join(dir, 'rotated.jpg')], [])
    await k.queue.idle()
    const assets = rows<{ thumb: string; width: number; height: number; phash: string }>(
      k.db,
      'SELECT a.* FROM library_photos p JOIN library_assets a ON a.hash = p.hash ORDER BY p.name DESC'
    )
    expect(assets).toHaveLength(2)
    const [a, b] = assets as [(typeof assets)[0], (typeof assets)[0]]
    expect([b.width, b.height]).toEqual([a.width, a.height])
    expect(b.phash).toBe(a.phash)
    const pixels = async (file: string) =>
      sharp(join(k.thumbs, file))
        .resize(32, 32, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true })
    const pa = await pixels(a.thumb)
    const pb = await pixels(b.thumb)
    expect(pb.info).toEqual(pa.info)
    let diff = 0
    for (let i = 0; i < pa.data.length; i++) diff += Math.abs(pa.data[i]! - pb.data[i]!)
    // JPEG re-encoding differs a little; a wrong rotation differs by a lot (the red corner moves).
    expect(diff / pa.data.length).toBeLessThan(6)
  })
})
