import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupLibrary } from '../../src/main/library/library-service'
import type { Db } from '../../src/main/platform/store/database'
import { testServiceContext } from '../support/service-context'
import { useTempDir } from '../support/temp-dir'
import { writeJpeg } from '../support/test-images'

const tempDir = useTempDir('skyfolio-fault-')
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

const count = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number

describe('kill -9 of an image worker mid-import', () => {
  it('loses nothing and duplicates nothing', async () => {
    const dir = tempDir()
    const folder = join(dir, 'photos')
    mkdirSync(folder)
    const files = 40
    for (let i = 0; i < files; i++)
      await writeJpeg(join(folder, `k-${String(i).padStart(3, '0')}.jpg`), {
        seed: i,
        width: 200 + i
      })
    const { ctx, close } = testServiceContext(join(dir, 'user'))
    const library = setupLibrary(ctx)
    cleanups.push(async () => {
      await library.close()
      close()
    })
    library.start?.()
    library.queue.add([folder], [])

    // A worker that is busy with files when it dies, a few files into the batch.
    const victim = await vi.waitFor(
      () => {
        expect(count(ctx.db, 'SELECT count(*) FROM library_photos')).toBeGreaterThan(2)
        const busy = library.queue.poolStats().find((w) => w.pid && w.inflight > 0)
        expect(busy).toBeDefined()
        return busy!.pid!
      },
      { timeout: 90_000, interval: 20 }
    )
    process.kill(victim, 'SIGKILL')
    await library.queue.idle()

    expect(library.queue.poolStats().map((w) => w.pid)).not.toContain(victim)
    const jobs = ctx.db.prepare('SELECT source, state FROM library_jobs').all() as {
      source: string
      state: string
    }[]
    expect(jobs).toHaveLength(files)
    expect(new Set(jobs.map((j) => j.source)).size).toBe(files)
    expect(jobs.filter((j) => j.state !== 'done')).toEqual([])
    expect(count(ctx.db, 'SELECT count(*) FROM library_photos')).toBe(files)
    expect(count(ctx.db, 'SELECT count(DISTINCT path) FROM library_photos')).toBe(files)
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 180_000)
})
