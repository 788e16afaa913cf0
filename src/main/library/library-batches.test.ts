import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { requests, type LibraryChannel, type Params, type Result } from '@shared/contract'
import type { BatchReport } from '@shared/contract/library'
import { setupLibrary } from './library-service'
import { testServiceContext } from '../../../test/support/service-context'
import { useTempDir } from '../../../test/support/temp-dir'
import { heicHead, tiffClaimingCompression, writeJpeg } from '../../../test/support/test-images'

const tempDir = useTempDir()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

// Real worker processes on a loaded machine: wait for conditions, never for a time.
const waitLong = { timeout: 240_000, interval: 50 }

/** A library service on a real SQLite file, answering requests as the router would. */
function library(dir: string, workers?: number) {
  const { ctx, events, close } = testServiceContext(join(dir, 'user'))
  if (workers) ctx.settings.update({ importWorkers: workers })
  // A file is not timed out just because the machine is busy.
  const service = setupLibrary(ctx, { taskTimeoutMs: 240_000 })
  cleanups.push(async () => {
    await service.close()
    close()
  })
  service.start?.()
  /** Params and result both checked against the contract, like a real request. */
  async function call<C extends LibraryChannel>(
    channel: C,
    params: Partial<Params<C>> = {}
  ): Promise<Result<C>> {
    const spec = requests[channel]
    const handler = service.handlers[channel] as (p: unknown, c: object) => unknown
    const value = await handler(spec.params.parse(params), {})
    return spec.result.parse(value) as Result<C>
  }
  const reports = (): BatchReport[] =>
    events.filter((e) => e.event === 'library:batch-finished').map((e) => e.payload as BatchReport)
  /** Waits for the pushed report of the `n`-th batch to end (1-based). */
  const finished = async (n: number): Promise<BatchReport> => {
    await vi.waitFor(() => expect(reports().length).toBeGreaterThanOrEqual(n), waitLong)
    return reports()[n - 1]!
  }
  return { ctx, call, reports, finished, queue: service.queue }
}

const partsOf = (s: BatchReport['summary']): number =>
  s.added + s.alreadyThere + s.unsupported + s.leftOut + s.failed + s.notProcessed + s.pending

async function photos(dir: string, count: number): Promise<string> {
  const folder = join(dir, 'photos')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < count; i++)
    await writeJpeg(join(folder, `img-${String(i).padStart(3, '0')}.jpg`), { seed: i })
  return folder
}

describe('batch reports', () => {
  it('re-importing a folder reports every file as already in the library, none failed', async () => {
    const dir = tempDir()
    const folder = await photos(dir, 5)
    const lib = library(dir)

    await lib.call('library:import', { paths: [folder] })
    expect((await lib.finished(1)).summary).toMatchObject({
      found: 5,
      added: 5,
      failedByReason: []
    })

    await lib.call('library:import', { paths: [folder] })
    const again = await lib.finished(2)
    expect(again).toMatchObject({ state: 'done', final: true })
    expect(again.summary).toEqual({
      found: 5,
      added: 0,
      copies: 0,
      alreadyThere: 5,
      unsupported: 0,
      leftOut: 0,
      failed: 0,
      failedByReason: [],
      notProcessed: 0,
      pending: 0
    })
    // Nothing to look at under "could not be imported", for the batch or overall.
    expect(await lib.call('library:failures', { batchId: again.batchId })).toEqual({
      total: 0,
      items: []
    })
    expect((await lib.call('library:failures')).total).toBe(0)

    const { items } = await lib.call('library:batches')
    expect(items.map((b) => b.batchId)).toEqual([again.batchId, again.batchId - 1])
    expect(items[0]!.summary).toEqual(again.summary)
  }, 300_000)

  it('adds up a folder of good, damaged and unsupported files; Retry reads only the failures', async () => {
    const dir = tempDir()
    const folder = await photos(dir, 3)
    writeFileSync(join(folder, 'broken.jpg'), 'not a picture at all')
    const whole = await writeJpeg(join(dir, 'whole.jpg'), { seed: 9, width: 640, height: 480 })
    writeFileSync(join(folder, 'cut-short.jpg'), whole.subarray(0, whole.length >> 1))
    writeFileSync(join(folder, 'IMG_0001.HEIC'), heicHead())
    writeFileSync(join(folder, 'scan.tif'), await tiffClaimingCompression(99))
    writeFileSync(join(folder, 'notes.txt'), 'not an image: not a file found')
    const lib = library(dir)

    await lib.call('library:import', { paths: [folder] })
    const first = await lib.finished(1)
    const s = first.summary
    expect(s).toMatchObject({ found: 7, added: 3, unsupported: 2, failed: 2, notProcessed: 0 })
    expect(partsOf(s)).toBe(s.found)
    expect(s.failedByReason.reduce((n, r) => n + r.count, 0)).toBe(2)
    expect(s.failedByReason.map((r) => r.code).sort()).toEqual(['not-image', 'truncated'])

    // The report lists what was not imported: two failures, two formats not supported yet.
    const listed = await lib.call('library:failures', { batchId: first.batchId })
    const state = (name: string): string | undefined =>
      listed.items.find((i) => i.name === name)?.state
    expect(listed.total).toBe(4)
    expect([state('broken.jpg'), state('cut-short.jpg')]).toEqual(['failed', 'failed'])
    expect([state('IMG_0001.HEIC'), state('scan.tif')]).toEqual(['skipped', 'skipped'])

    // Named explicitly, a file that is not supported is still not read again.
    const heic = listed.items.find((i) => i.name === 'IMG_0001.HEIC')!
    const broken = listed.items.find((i) => i.name === 'broken.jpg')!
    await lib.call('library:retry', { jobIds: [heic.jobId, broken.jobId] })
    const one = await lib.finished(2)
    expect(one.summary).toMatchObject({ found: 1, failed: 1, unsupported: 0 })

    // Retry of a batch: only its real failures (the one left there), and nothing else.
    await lib.call('library:retry', { batchId: first.batchId })
    const rest = await lib.finished(3)
    expect(rest.summary).toMatchObject({ found: 1, failed: 1, added: 0, unsupported: 0 })
    expect(rest.summary.failedByReason).toEqual([
      expect.objectContaining({ code: 'truncated', count: 1 })
    ])

    // Each file's latest outcome once: two failures and two unsupported files, not six rows.
    const overall = await lib.call('library:failures')
    expect(overall.items.map((i) => i.name).sort()).toEqual([
      'IMG_0001.HEIC',
      'broken.jpg',
      'cut-short.jpg',
      'scan.tif'
    ])
    // Nothing left to retry in the first batch, and retrying nothing starts no batch.
    await lib.call('library:retry', { batchId: first.batchId })
    expect(lib.queue.progress().state).toBe('idle')

    // The first batch still reports what it ended with, and can be dismissed.
    const batches = await lib.call('library:batches')
    expect(batches.items.find((b) => b.batchId === first.batchId)?.summary).toEqual(s)
    expect(await lib.call('library:dismiss-batch', { batchId: first.batchId })).toEqual({
      dismissed: true
    })
    const after = await lib.call('library:batches')
    expect(after.items.map((b) => b.batchId)).not.toContain(first.batchId)
    const all = await lib.call('library:batches', { includeDismissed: true })
    expect(all.items.find((b) => b.batchId === first.batchId)?.dismissed).toBe(true)
    expect(lib.reports()).toHaveLength(3)
  }, 300_000)

  it('a cancelled batch reports the files it did not process, and the totals add up', async () => {
    const dir = tempDir()
    const files = 40
    const folder = await photos(dir, files)
    const lib = library(dir, 1)

    await lib.call('library:import', { paths: [folder] })
    // Cancel once every file is found: one worker cannot have read them all by then.
    await vi.waitFor(() => {
      const { n } = lib.ctx.db.prepare('SELECT count(*) AS n FROM library_jobs').get() as {
        n: number
      }
      expect(n).toBe(files)
    }, waitLong)
    const cancelled = await lib.call('library:cancel')
    expect(cancelled.state).toBe('idle')

    const report = await lib.finished(1)
    expect(report).toMatchObject({ state: 'cancelled', final: true })
    const s = report.summary
    expect(s.found).toBe(files)
    expect(s.pending).toBe(0)
    expect(s.notProcessed).toBeGreaterThan(0)
    expect(s.added + s.failed + s.notProcessed).toBe(files)
    expect(partsOf(s)).toBe(files)
    // Not processed is not failed: nothing to retry, nothing under "could not be imported".
    expect((await lib.call('library:failures')).total).toBe(0)

    // The panel has something to show: the batch's report, final.
    const { items } = await lib.call('library:batches')
    expect(items[0]).toMatchObject({ batchId: report.batchId, state: 'cancelled', final: true })
    expect(items[0]!.summary).toEqual(s)
  }, 300_000)

  it('dismissing a batch that is not known says so', async () => {
    const dir = tempDir()
    const lib = library(dir)
    await expect(lib.call('library:dismiss-batch', { batchId: 999 })).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})
