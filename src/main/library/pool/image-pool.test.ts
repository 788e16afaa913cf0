import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../platform/log'
import { sourceLauncher, sourceWorkerEntry } from '../../../../test/support/source-workers'
import { useTempDir } from '../../../../test/support/temp-dir'
import { ImagePool, type ImagePoolOptions } from './image-pool'
import { writeJpeg } from '../../../../test/support/test-images'

const tempDir = useTempDir()
const pools: ImagePool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function makePool(dir: string, options: Partial<ImagePoolOptions> = {}): ImagePool {
  const outDir = join(dir, 'thumbs')
  mkdirSync(outDir, { recursive: true })
  const pool = new ImagePool({
    launcher: sourceLauncher(),
    entry: sourceWorkerEntry('faulty-image-worker'),
    outDir,
    size: 2,
    log: memoryLogger(),

    ...options
  })
  pools.push(pool)
  return pool
}

async function photos(dir: string, count: number): Promise<string[]> {
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const file = join(dir, `photo-${i}.jpg`)
    await writeJpeg(file, { seed: i, width: 200 + i, height: 150 })
    files.push(file)
  }
  return files
}

describe('ImagePool', () => {
  it('round-trips files through worker processes and reports their facts', async () => {
    const dir = tempDir()
    const [a, b] = await photos(dir, 2)
    const pool = makePool(dir)
    const [ra, rb] = await Promise.all([pool.process(a!), pool.process(b!)])
    expect(ra.ok && ra.facts.width).toBe(200)
    expect(rb.ok && rb.facts.width).toBe(201)
    expect(ra.ok && rb.ok && ra.facts.hash !== rb.facts.hash).toBe(true)
    expect(pool.stats().map((w) => typeof w.pid)).toEqual(['number', 'number'])
  })

  it('replaces a crashed worker and retries its file once, alone', async () => {
    const dir = tempDir()
    const [good] = await photos(dir, 1)
    const flaky = join(dir, 'crash-once.jpg')
    copyFileSync(good!, flaky)
    const pool = makePool(dir, { size: 1 })
    await pool.process(good!)
    const before = pool.stats()[0]!.pid

    const result = await pool.process(flaky)
    expect(result.ok).toBe(true)
    expect(pool.stats()[0]!.pid).not.toBe(before)
  })

  it('fails a file that crashes its worker twice, and carries on with the others', async () => {
    const dir = tempDir()
    const files = await photos(dir, 4)
    const poison = join(dir, 'crash-me.jpg')
    copyFileSync(files[0]!, poison)
    const pool = makePool(dir)
    const results = await Promise.all([poison, ...files].map((f) => pool.process(f)))
    expect(results[0]).toMatchObject({ ok: false, failure: { code: 'crashed' } })
    expect(results.slice(1).every((r) => r.ok)).toBe(true)
    expect(pool.stats()).toHaveLength(2)
  })

  it('kills a worker that hangs past the per-file timeout and replaces it', async () => {
    const dir = tempDir()
    const [good] = await photos(dir, 1)
    const stuck = join(dir, 'hang-me.jpg')
    copyFileSync(good!, stuck)
    const pool = makePool(dir, { size: 1, taskTimeoutMs: 1500 })
    await pool.process(good!)
    const before = pool.stats()[0]!.pid
    const [hung, after] = await Promise.all([pool.process(stuck), pool.process(good!)])
    expect(hung).toMatchObject({ ok: false, failure: { code: 'timeout' } })
    expect(after.ok).toBe(true)
    expect(pool.stats()[0]!.pid).not.toBe(before)
  })

  it('keeps at most maxInFlight files per worker and queues the rest (back-pressure)', async () => {
    const dir = tempDir()
    const files = await photos(dir, 12)
    const pool = makePool(dir, { size: 2, maxInFlight: 2 })
    expect(pool.freeSlots()).toBe(4)
    let peak = 0
    const watch = setInterval(() => {
      for (const w of pool.stats()) peak = Math.max(peak, w.inflight)
    }, 1)
    const all = files.map((f) => pool.process(f))
    expect(pool.freeSlots()).toBe(0)
    expect(pool.queued).toBeGreaterThanOrEqual(8)
    const results = await Promise.all(all)
    clearInterval(watch)
    expect(results.every((r) => r.ok)).toBe(true)
    expect(peak).toBeGreaterThan(0)
    expect(peak).toBeLessThanOrEqual(2)
    expect(pool.freeSlots()).toBe(4)
  })
})
