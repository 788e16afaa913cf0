import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
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
  /** Resolves once the plan at `index` has reported progress. */
  const strategyStarted = (index: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setInterval(() => {
        const seen = kit.events.some(
          (e) => e.event === 'bench:progress' && (e.payload as { index: number }).index === index
        )
        if (seen) {
          clearInterval(timer)
          resolve()
        }
      }, 20)
    })
  return { ...kit, bench, finished, strategyStarted }
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

  it('runs every strategy on the same files, with repeats, stores the run and exports it', async () => {
    const dir = tempDir()
    const folder = await photoFolder(dir, 6)
    writeFileSync(join(folder, 'broken.jpg'), 'not a jpeg at all')
    let refreshes = 0
    const b = benchIn(dir, async () => {
      refreshes++
    })
    const { runId } = await b.bench.handlers['bench:start'](
      {
        sample: { kind: 'folder', path: folder },
        maxWorkers: 1,
        jsStage: true,
        withWeather: true,
        repeats: 2
      },
      {}
    )
    await expect(
      b.bench.handlers['bench:start'](
        { sample: { kind: 'generated', count: 4 }, jsStage: false, withWeather: false },
        {}
      )
    ).rejects.toMatchObject({ code: 'conflict' })
    const run = await b.finished()
    expect(run).toMatchObject({
      id: runId,
      status: 'complete',
      files: 7,
      jsStage: true,
      workload: 'images',
      repeats: 2
    })
    expect(run.results.map((r) => [r.strategy, r.workers])).toEqual(
      plansFor(1).map((p) => [p.strategy, p.workers])
    )
    for (const r of run.results) {
      expect(r).toMatchObject({ files: 7, processed: 7, failed: 1, status: 'complete' })
      // Every repeat kept, each over the whole sample (no pass reuses another's outputs).
      expect(r.repeats!.map((p) => [p.repeat, p.processed, p.failed])).toEqual([
        [1, 7, 1],
        [2, 7, 1]
      ])
      expect(r.summary!.perSecond!.n).toBe(2)
      expect(r.summary!.perSecond!.min).toBeLessThanOrEqual(r.perSecond)
      expect(r.summary!.perSecond!.max).toBeGreaterThanOrEqual(r.perSecond)
      expect(r.peakMainRssMb).toBeGreaterThan(0)
      // Main's memory before and after the strategy, and what was given back.
      expect(r.memory!.beforeMb).toBeGreaterThan(0)
      expect(r.memory!.afterMb).toBeGreaterThan(0)
      expect(r.memory!.sharpInMain).toBe(r.strategy !== 'processes')
    }
    expect(run.results.find((r) => r.strategy === 'processes')!.peakWorkerRssMb).toBeGreaterThan(0)
    expect(refreshes).toBeGreaterThan(0)
    expect(run.verdict).toMatch(/1 worker process/)
    expect(run.verdict).toMatch(/worker threads/i)
    expect(run.machine).toMatchObject({ cores: availableParallelism() })
    expect(run.machine!.versions.node).toBe(process.versions.node)
    expect(run.sample).toMatchObject({ kind: 'folder', files: 7, generated: null, download: null })

    await b.bench.handlers['bench:renderer-report'](
      { runId, index: 0, figures: { longTasks: 2, frameP99Ms: 20, inputP99Ms: 30 } },
      {}
    )
    await b.bench.handlers['bench:renderer-report'](
      { runId, index: 1, repeat: 2, figures: { longTasks: 0, frameP99Ms: 17, inputP99Ms: 24 } },
      {}
    )
    const stored = await b.bench.handlers['bench:run']({ runId }, {})
    expect(stored.results[0]!.renderer).toEqual({ longTasks: 2, frameP99Ms: 20, inputP99Ms: 30 })
    expect(stored.results[1]!.repeats![1]!.renderer).toMatchObject({ frameP99Ms: 17 })
    expect(stored.results[1]!.summary!.frameP99Ms!.median).toBe(17)
    const csv = await b.bench.handlers['bench:export']({ runId, format: 'csv' }, {})
    const lines = csv.text.trim().split('\r\n')
    expect(lines).toHaveLength(1 + run.results.length * 2)
    expect(lines[0]).toContain('loop_delay_p99_ms')
    expect(lines[0]).toContain('machine_cpu')
    const json = JSON.parse(
      (await b.bench.handlers['bench:export']({ runId, format: 'json' }, {})).text
    )
    expect(json.results[0].speedup).toBe(1)
    expect(json.results[0].repeats).toHaveLength(2)
    expect(json.machine.cores).toBe(availableParallelism())
    await b.bench.close()
    b.close()
  }, 240_000)

  it('downloads and processes a small set three ways from its own loopback server', async () => {
    const dir = tempDir()
    const folder = await photoFolder(dir, 4)
    const b = benchIn(dir)
    await b.bench.handlers['bench:start'](
      {
        sample: { kind: 'folder', path: folder },
        maxWorkers: 2,
        jsStage: false,
        withWeather: false,
        repeats: 1,
        workload: 'download',
        latencyMs: 30
      },
      {}
    )
    const run = await b.finished()
    if (run.results.some((r) => r.failed))
      console.log(
        run.results.map((r) => r.note),
        b.log.lines.join('\n')
      )
    expect(run).toMatchObject({ status: 'complete', workload: 'download', repeats: 1 })
    expect(run.results.map((r) => [r.strategy, r.workers])).toEqual([
      ['one-at-a-time', 1],
      ['download-first', 2],
      ['pipeline', 2]
    ])
    for (const r of run.results) {
      expect(r).toMatchObject({ processed: 4, failed: 0, status: 'complete' })
      expect(r.peakWorkerRssMb).toBeGreaterThan(0)
      expect(r.memory!.sharpInMain).toBe(false)
    }
    expect(run.sample!.download).toMatchObject({ latencyMs: 30 })
    expect(run.verdict).toMatch(/^From one repeat each, so without ranges: The pipeline/)
    // The downloads showed as network requests in the Activity view's tracker.
    expect(b.ctx.network.read().finished.length).toBeGreaterThanOrEqual(4 * 2)
    await b.bench.close()
    b.close()
  }, 240_000)

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
        withWeather: false,
        repeats: 1
      },
      {}
    )
    await b.strategyStarted(1)
    expect(await b.bench.handlers['bench:cancel']({ runId }, {})).toEqual({ cancelled: true })
    const run = await b.finished()
    expect(run.status).toBe('cancelled')
    expect(run.results.length).toBeGreaterThanOrEqual(1)
    expect(run.results.length).toBeLessThan(plansFor(2).length)
    expect(run.results[0]!.status).toBe('complete')
    await b.bench.close()
    b.close()
  }, 120_000)

  it('keeps the window figures of a strategy reported while the next one runs', async () => {
    // The window reports a strategy's last pass only after the next strategy began; the next
    // strategy's own progress stores must not overwrite them.
    const dir = tempDir()
    const folder = await photoFolder(dir, 6)
    const b = benchIn(dir)
    const { runId } = await b.bench.handlers['bench:start'](
      {
        sample: { kind: 'folder', path: folder },
        maxWorkers: 1,
        jsStage: false,
        withWeather: false,
        repeats: 2
      },
      {}
    )
    await b.strategyStarted(1)
    const figures = { longTasks: 1, frameP99Ms: 33, inputP99Ms: 41 }
    await b.bench.handlers['bench:renderer-report']({ runId, index: 0, repeat: 2, figures }, {})
    const run = await b.finished()
    expect(run.status).toBe('complete')
    expect(run.results[0]!.repeats![1]!.renderer).toEqual(figures)
    expect(run.results[0]!.summary!.frameP99Ms!.median).toBe(33)
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
