import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../core/migrations'
import { openDatabase } from '../../platform/store/database'
import { useTempDir } from '../../../../test/support/temp-dir'
import { BenchRunRepository } from './bench-run-repository'

const tempDir = useTempDir()

describe('stored runs', () => {
  it('reads a run stored before repeats as one pass of the image workload', () => {
    const file = join(tempDir(), 'skyfolio.db')
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 31) })
    const oldResult = {
      strategy: 'in-main',
      workers: 1,
      files: 4,
      processed: 4,
      failed: 0,
      wallMs: 1000,
      perSecond: 4,
      loopP99Ms: 20,
      loopMaxMs: 40,
      weatherP99Ms: null,
      weatherCount: 0,
      peakMainRssMb: 300,
      peakWorkerRssMb: null,
      renderer: null,
      status: 'complete',
      note: ''
    }
    before
      .prepare(
        `INSERT INTO bench_runs (started_at, finished_at, status, sample_label, files, js_stage,
         with_weather, plans, results) VALUES (1, 2, 'complete', 'old', 4, 0, 0, ?, ?)`
      )
      .run(JSON.stringify([{ strategy: 'in-main', workers: 1 }]), JSON.stringify([oldResult]))
    before.close()

    const db = openDatabase(file, { migrations })
    const repo = new BenchRunRepository(db)
    const [run] = repo.list()
    expect(run).toMatchObject({ workload: 'images', repeats: 1, verdict: null, machine: null })
    expect(run!.results[0]).toMatchObject({ perSecond: 4 })
    expect(run!.results[0]!.repeats).toBeUndefined()

    // A new run keeps its settings, machine, sample and verdict.
    const id = repo.create({
      startedAt: 3,
      sampleLabel: 'new',
      files: 0,
      jsStage: false,
      withWeather: true,
      plans: [],
      workload: 'download',
      repeats: 3
    })
    repo.update(id, {
      verdict: 'The pipeline ran at 2.0× the speed of one at a time.',
      sample: {
        kind: 'generated',
        label: '4 generated 6 MP photos',
        files: 4,
        generated: { width: 3000, height: 2000, quality: 88, version: 2 },
        warmupFiles: 4,
        download: { latencyMs: 150, concurrency: 8 }
      }
    })
    expect(repo.get(id)).toMatchObject({
      workload: 'download',
      repeats: 3,
      verdict: expect.stringMatching(/pipeline/),
      sample: { download: { latencyMs: 150 } }
    })
    db.close()
  })
})
