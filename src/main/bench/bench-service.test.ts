import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { BenchRun } from '@shared/contract/bench'
import { createNodeProcessStats } from '../platform/metrics/process-stats'
import { testServiceContext } from '../../../test/support/service-context'
import { useTempDir } from '../../../test/support/temp-dir'
import { plansFor } from './bench-handlers'
import { setupBench } from './bench-service'

const tempDir = useTempDir()

async function photoFolder(dir: string, count: number): Promise<string> {
  const folder = join(dir, 'sample')
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < count; i++) {
    await sharp({
      create: { width: 400, height: 300, channels: 3, background: { r: i * 20, g: 90, b: 160 } }
    })
      .jpeg()
      .toFile(join(folder, `p${i}.jpg`))
  }
  return folder
}

function benchIn(dir: string, refreshWeather = async () => undefined) {
  const kit = testServiceContext(dir)
  const bench = setupBench(kit.ctx, {
    processStats: createNodeProcessStats(),
    refreshWeather,
    threadExecArgv: ['--import', 'tsx']
  })
  bench.start?.()
  const finished = (): Promise<BenchRun> =>
    new Promise((resolve) => {
      const timer = setInterval(() => {
        const e = kit.events.find((x) => x.event === 'bench:finished')
        if (e) {
          clearInterval(timer)
          resolve(e.payload as BenchRun)
        }
      }, 50)
    })
  return { ...kit, bench, finished }
}

describe('test both', () => {
  it('plans main, threads and 1…N worker processes', () => {
    expect(plansFor(3, 2)).toEqual([
      { strategy: 'in-main', workers: 1 },
      { strategy: 'threads', workers: 2 },
      { strategy: 'processes', workers: 1 },
      { strategy: 'processes', workers: 2 },
      { strategy: 'processes', workers: 3 }
    ])
  })

  it('runs every strategy on the same files, stores the run and exports it', async () => {
    const dir = tempDir()
    const folder = await photoFolder(dir, 6)
    writeFileSync(join(folder, 'broken.jpg'), 'not a jpeg at all')
    let refreshes = 0
    const b = benchIn(dir, async () => {
      refreshes++
    })
    const { runId } = await b.bench.handlers['bench:start'](
      { sample: { kind: 'folder', path: folder }, maxWorkers: 1, jsStage: true, withWeather: true },
      {}
    )
    await expect(
      b.bench.handlers['bench:start'](
        { sample: { kind: 'generated', count: 4 }, jsStage: false, withWeather: false },
        {}
      )
    ).rejects.toMatchObject({ code: 'conflict' })
    const run = await b.finished()
    expect(run).toMatchObject({ id: runId, status: 'complete', files: 7, jsStage: true })
    expect(run.results.map((r) => [r.strategy, r.workers])).toEqual(
      plansFor(1).map((p) => [p.strategy, p.workers])
    )
    for (const r of run.results) {
      expect(r).toMatchObject({ files: 7, processed: 7, failed: 1, status: 'complete' })
      expect(r.perSecond).toBeGreaterThan(0)
      expect(r.peakMainRssMb).toBeGreaterThan(0)
    }
    expect(run.results.find((r) => r.strategy === 'processes')!.peakWorkerRssMb).toBeGreaterThan(0)
    expect(refreshes).toBeGreaterThan(0)

    await b.bench.handlers['bench:renderer-report'](
      { runId, index: 0, figures: { longTasks: 2, frameP99Ms: 20, inputP99Ms: 30 } },
      {}
    )
    const stored = await b.bench.handlers['bench:run']({ runId }, {})
    expect(stored.results[0]!.renderer).toEqual({ longTasks: 2, frameP99Ms: 20, inputP99Ms: 30 })
    const csv = await b.bench.handlers['bench:export']({ runId, format: 'csv' }, {})
    const lines = csv.text.trim().split('\r\n')
    expect(lines).toHaveLength(1 + run.results.length)
    expect(lines[0]).toContain('loop_delay_p99_ms')
    const json = JSON.parse(
      (await b.bench.handlers['bench:export']({ runId, format: 'json' }, {})).text
    )
    expect(json.results[0].speedup).toBe(1)
    await b.bench.close()
    b.close()
  }, 120_000)

  it('ends a folder with no images as failed with a clear note, and the next run may start', async () => {
    const dir = tempDir()
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    writeFileSync(join(empty, 'notes.txt'), 'no pictures here')
    const b = benchIn(dir)
    await b.bench.handlers['bench:start'](
      { sample: { kind: 'folder', path: empty }, jsStage: false, withWeather: false },
      {}
    )
    const run = await b.finished()
    expect(run.status).toBe('failed')
    expect(run.note).toMatch(/No images/)
    expect(run.results).toEqual([])
    await b.bench.close()
    b.close()
  })

  it('cancels midway: finished strategies are kept and the run is labelled cancelled', async () => {
    const dir = tempDir()
    const folder = await photoFolder(dir, 12)
    const b = benchIn(dir)
    const { runId } = await b.bench.handlers['bench:start'](
      {
        sample: { kind: 'folder', path: folder },
        maxWorkers: 2,
        jsStage: true,
        withWeather: false
      },
      {}
    )
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (
          b.events.some(
            (e) =>
              e.event === 'bench:progress' &&
              (e.payload as { index: number; done: number }).index === 1
          )
        ) {
          clearInterval(timer)
          resolve()
        }
      }, 20)
    })
    expect(await b.bench.handlers['bench:cancel']({ runId }, {})).toEqual({ cancelled: true })
    const run = await b.finished()
    expect(run.status).toBe('cancelled')
    expect(run.results.length).toBeGreaterThanOrEqual(1)
    expect(run.results.length).toBeLessThan(plansFor(2).length)
    expect(run.results[0]!.status).toBe('complete')
    await b.bench.close()
    b.close()
  }, 120_000)

  it('marks a run left running by a crash as partial at the next start', async () => {
    const dir = tempDir()
    const first = benchIn(dir)
    const folder = await photoFolder(dir, 2)
    await first.bench.handlers['bench:start'](
      { sample: { kind: 'folder', path: folder }, jsStage: false, withWeather: false },
      {}
    )
    first.close() // the database goes away mid-run, like a crash
    const second = benchIn(dir)
    const { runs } = await second.bench.handlers['bench:runs']({}, {})
    expect(runs[0]!.status).toBe('partial')
    expect(runs[0]!.note).toMatch(/quit before this run finished/)
    second.close()
  })
})
