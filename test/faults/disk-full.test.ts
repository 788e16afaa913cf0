import { execFileSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest'
import type { ImportProgress } from '@shared/contract/library'
import { setupLibrary } from '../../src/main/library/library-service'
import { DISK_FULL_IMPORT, DISK_FULL_REFRESH } from '../../src/main/platform/store/store-faults'
import type { Db } from '../../src/main/platform/store/database'
import { testServiceContext } from '../support/service-context'
import { useTempDir } from '../support/temp-dir'
import { writeJpeg } from '../support/test-images'
import { fakeClock, openStore, paris, refresherFor, useFixture } from '../support/weather-test-kit'

const tempDir = useTempDir('skyfolio-fault-')
const fixture = useFixture()
const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** Errors nobody caught: under Electron each would be an uncaught exception in main. */
function watchUncaught(): unknown[] {
  const seen: unknown[] = []
  const on = (error: unknown): number => seen.push(error)
  process.on('uncaughtException', on)
  process.on('unhandledRejection', on)
  cleanups.push(() => {
    process.off('uncaughtException', on)
    process.off('unhandledRejection', on)
  })
  return seen
}

async function photos(dir: string, count: number): Promise<string> {
  const folder = join(dir, 'photos')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < count; i++)
    await writeJpeg(join(folder, `p-${String(i).padStart(3, '0')}.jpg`), {
      seed: i,
      width: 96 + i,
      height: 64
    })
  return folder
}

const count = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number
const waitLong = { timeout: 90_000, interval: 50 }

/**
 * An import on a library whose disk fills up once a few files are in: `fill` makes the disk
 * full, `free` gives the space back. Checks what the user sees and that nothing is lost.
 */
async function importThroughFullDisk(
  userData: string,
  folder: string,
  files: number,
  disk: { fill(db: Db): void; free(db: Db): void }
): Promise<void> {
  const uncaught = watchUncaught()
  const { ctx, events, close } = testServiceContext(userData)
  const library = setupLibrary(ctx)
  cleanups.push(async () => {
    await library.close()
    close()
  })
  library.start?.()
  library.queue.add([folder], [])
  await vi.waitFor(
    () => expect(count(ctx.db, `SELECT count(*) FROM library_photos`)).toBeGreaterThan(2),
    waitLong
  )
  disk.fill(ctx.db)

  // Paused, with the reason where the user looks: the progress panel and the status bar.
  await vi.waitFor(() => {
    const pushed = events
      .filter((e) => e.event === 'library:progress')
      .map((e) => e.payload as ImportProgress)
    expect(pushed.at(-1)).toMatchObject({ state: 'paused', pauseReason: DISK_FULL_IMPORT })
    const task = ctx.tasks.snapshot().tasks.find((t) => t.id === 'library-import')
    expect(task?.detail).toContain(DISK_FULL_IMPORT)
  }, waitLong)
  expect(count(ctx.db, `SELECT count(*) FROM library_photos`)).toBeLessThan(files)

  disk.free(ctx.db)
  const resumed = library.queue.resume()
  expect(resumed.pauseReason).toBeUndefined()
  await library.queue.idle()

  const jobs = ctx.db.prepare(`SELECT source, state, code FROM library_jobs`).all() as {
    source: string
    state: string
    code: string | null
  }[]
  expect(jobs).toHaveLength(files)
  expect(new Set(jobs.map((j) => j.source)).size).toBe(files)
  expect(jobs.filter((j) => j.state !== 'done')).toEqual([])
  expect(count(ctx.db, `SELECT count(*) FROM library_photos`)).toBe(files)
  expect(count(ctx.db, `SELECT count(DISTINCT path) FROM library_photos`)).toBe(files)
  expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(library.queue.progress().state).toBe('idle')
  expect(uncaught).toEqual([])
}

describe('a full disk', () => {
  it('pauses the import with the reason and resumes it, losing nothing (max_page_count)', async () => {
    const dir = tempDir()
    const files = 48
    const folder = await photos(dir, files)
    await importThroughFullDisk(join(dir, 'user'), folder, files, {
      // SQLite refuses to grow the file past this many pages, exactly as on a full disk.
      fill: (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`),
      free: (db) => db.pragma('max_page_count = 1073741823')
    })
  }, 180_000)

  it('does the same on a real small file system (tmpfs)', async (ctx) => {
    const dir = tempDir()
    const files = 48
    const folder = await photos(dir, files)
    const userData = join(dir, 'user')
    mountSmallDisk(ctx, userData, '24m')
    // Thumbnails go to the roomy disk: this test is about the database's disk filling up.
    mkdirSync(join(dir, 'cache'))
    symlinkSync(join(dir, 'cache'), join(userData, 'cache'))
    const filler = join(userData, 'filler')
    await importThroughFullDisk(userData, folder, files, {
      fill: () => fillUp(filler),
      free: () => rmSync(filler)
    })
  }, 180_000)

  it('keeps a folder walk waiting on a full disk, then adds every file once', async () => {
    const uncaught = watchUncaught()
    const dir = tempDir()
    const folder = join(dir, 'many')
    mkdirSync(folder)
    const tiny = await writeJpeg(join(folder, 'tiny-000.jpg'), { width: 16, height: 16 })
    const files = 300 // more than one discovery batch
    for (let i = 1; i < files; i++)
      writeFileSync(join(folder, `tiny-${String(i).padStart(3, '0')}.jpg`), tiny)
    const { ctx, close } = testServiceContext(join(dir, 'user'))
    const library = setupLibrary(ctx)
    cleanups.push(async () => {
      await library.close()
      close()
    })
    library.start?.()
    // Full before the walk writes its first found files (the batch's own row still fits).
    ctx.db.pragma(`max_page_count = ${ctx.db.pragma('page_count', { simple: true })}`)
    library.queue.add([folder], [])
    await vi.waitFor(
      () => expect(library.queue.progress()).toMatchObject({ pauseReason: DISK_FULL_IMPORT }),
      waitLong
    )
    ctx.db.pragma('max_page_count = 1073741823')
    library.queue.resume()
    await library.queue.idle()
    const jobs = ctx.db.prepare(`SELECT source, state FROM library_jobs`).all() as {
      source: string
      state: string
    }[]
    expect(jobs).toHaveLength(files)
    expect(new Set(jobs.map((j) => j.source)).size).toBe(files)
    expect(jobs.filter((j) => j.state !== 'done')).toEqual([])
    expect(count(ctx.db, `SELECT count(*) FROM library_photos`)).toBe(files)
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(uncaught).toEqual([])
  }, 180_000)

  it('shows the same reason on a place whose report could not be stored', async () => {
    const uncaught = watchUncaught()
    const server = await fixture()
    const db = openStore(tempDir())
    cleanups.push(() => {
      db.close()
    })
    const kit = refresherFor(db, server, fakeClock(Date.UTC(2025, 5, 1, 12)))
    const place = kit.places.add(paris)
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)

    const [outcome] = await kit.refresher.refresh([place.id])
    expect(outcome?.error).toEqual({ code: 'io', message: DISK_FULL_REFRESH })
    const status = kit.refresher.status(kit.places.get(place.id)!)
    expect(status).toMatchObject({ state: 'error', error: { message: DISK_FULL_REFRESH } })
    expect(kit.reports.count()).toBe(0)

    db.pragma('max_page_count = 1073741823')
    const [again] = await kit.refresher.refresh([place.id])
    expect(again?.error).toBeNull()
    expect(kit.reports.count()).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(uncaught).toEqual([])
  })
})

/** Mounts a tmpfs of `size` at `dir` (root only); skips, saying why, where that is refused. */
function mountSmallDisk(ctx: TestContext, dir: string, size: string): void {
  mkdirSync(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    const why = `cannot mount a small file system here (${String((error as Error).message).split('\n')[0]})`
    console.warn(`skipped "a real small file system": ${why}`)
    ctx.skip(why)
  }
  cleanups.push(() => {
    execFileSync('umount', [dir], { stdio: 'pipe' })
  })
}

/** Writes `file` until the file system has no space left. */
function fillUp(file: string): void {
  const fd = openSync(file, 'w')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error
    // The last partial page too, so not one more byte fits.
    try {
      for (;;) writeSync(fd, chunk, 0, 512)
    } catch {
      // ENOSPC again: the disk is full to the byte.
    }
  } finally {
    closeSync(fd)
  }
}
