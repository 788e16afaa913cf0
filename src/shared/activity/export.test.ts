import { describe, expect, it } from 'vitest'
import type { BenchRun, RepeatResult } from '../contract/bench'
import { strategyFromRepeats } from './bench-summary'
import { runToCsv, runToJson, speedups } from './export'

const pass = (repeat: number, perSecond: number): RepeatResult => ({
  repeat,
  processed: 4,
  failed: 0,
  wallMs: 4000 / perSecond,
  perSecond,
  loopP99Ms: 5,
  loopMaxMs: 9,
  weatherP99Ms: null,
  weatherCount: 0,
  peakMainRssMb: 120,
  peakWorkerRssMb: 80,
  endMainRssMb: 110,
  renderer: null,
  status: 'complete',
  note: repeat === 2 ? 'slow, "odd" pass' : ''
})

const run: BenchRun = {
  id: 7,
  startedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  finishedAt: null,
  status: 'complete',
  sampleLabel: '4 generated 6 MP photos',
  files: 4,
  jsStage: false,
  withWeather: false,
  plans: [
    { strategy: 'in-main', workers: 1 },
    { strategy: 'processes', workers: 2 }
  ],
  results: [
    strategyFromRepeats({ strategy: 'in-main', workers: 1 }, 4, [pass(1, 2), pass(2, 2)], {
      beforeMb: 100,
      afterMb: 180,
      sharpInMain: true,
      released: "sharp's cache off"
    }),
    strategyFromRepeats({ strategy: 'processes', workers: 2 }, 4, [pass(1, 3), pass(2, 5)], null)
  ],
  note: '',
  workload: 'images',
  repeats: 2,
  verdict: '2 worker processes ran at 2× the speed of the main process.',
  machine: {
    cores: 2,
    cpuModel: 'AMD EPYC, 2 GHz',
    memoryMb: 4096,
    os: 'Linux 6.1',
    arch: 'x64',
    loadAverage: [1.5, 1, 0.5],
    appVersion: '0.1.0',
    versions: {
      node: '22.1.0',
      electron: '45.0.0',
      chromium: '140.0.0.0',
      v8: '12',
      vips: '8.18.7',
      sharp: '0.35.5'
    }
  },
  sample: {
    kind: 'generated',
    label: '4 generated 6 MP photos',
    files: 4,
    generated: { width: 3000, height: 2000, quality: 88, version: 2 },
    warmupFiles: 4,
    download: null
  }
}

/** RFC 4180, enough for the test: quoted fields with doubled quotes. */
const parseCsv = (text: string): string[][] =>
  text
    .trim()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
        .map((m) => m[1]!)
        .slice(0, -1)
        .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c))
    )

describe('exports', () => {
  it('CSV: one row per repeat, each with the machine, versions and sample parameters', () => {
    const [header, ...rows] = parseCsv(runToCsv(run))
    expect(rows).toHaveLength(4)
    const col = (name: string) => header!.indexOf(name)
    for (const name of ['repeat', 'machine_cpu', 'load_avg_1m', 'electron', 'sample_size'])
      expect(col(name)).toBeGreaterThan(-1)
    expect(rows.map((r) => r[col('repeat')])).toEqual(['1', '2', '1', '2'])
    expect(rows.map((r) => r[col('per_s')])).toEqual(['2', '2', '3', '5'])
    // Each pass against the baseline's median pass.
    expect(rows.map((r) => r[col('speedup')])).toEqual(['1', '1', '1.5', '2.5'])
    for (const r of rows) {
      expect(r).toHaveLength(header!.length)
      expect(r[col('machine_cpu')]).toBe('AMD EPYC, 2 GHz')
      expect(r[col('app_version')]).toBe('0.1.0')
      expect(r[col('chromium')]).toBe('140.0.0.0')
      expect(r[col('sample_size')]).toBe('3000x2000')
      expect(r[col('load_avg_1m')]).toBe('1.5')
    }
    expect(rows[0]![col('main_rss_retained_mb')]).toBe('180')
    expect(rows[1]![col('note')]).toBe('slow, "odd" pass')
  })

  it('JSON: the run with its machine, sample, verdict, every repeat and each summary', () => {
    const json = JSON.parse(runToJson(run))
    expect(json.machine.cores).toBe(2)
    expect(json.machine.versions.node).toBe('22.1.0')
    expect(json.sample.generated).toMatchObject({ width: 3000, quality: 88 })
    expect(json.verdict).toMatch(/worker processes/)
    expect(json.results[1].repeats.map((r: RepeatResult) => r.perSecond)).toEqual([3, 5])
    expect(json.results[1].summary.perSecond).toEqual({ median: 4, min: 3, max: 5, n: 2 })
    expect(json.results.map((r: { speedup: number }) => r.speedup)).toEqual([1, 2])
  })

  it('measures speed-ups against the workload baseline', () => {
    const download: BenchRun = {
      ...run,
      workload: 'download',
      results: [
        { ...run.results[1]!, strategy: 'pipeline' },
        { ...run.results[0]!, strategy: 'one-at-a-time' }
      ]
    }
    expect(speedups(download)).toEqual([2, 1])
  })

  it('reads a run stored before repeats as one pass per strategy', () => {
    const old: BenchRun = {
      ...run,
      results: run.results.map(({ repeats: _r, summary: _s, memory: _m, ...rest }) => rest),
      machine: undefined,
      sample: undefined,
      repeats: undefined
    }
    const [header, ...rows] = parseCsv(runToCsv(old))
    expect(rows).toHaveLength(2)
    expect(rows[1]![header!.indexOf('per_s')]).toBe('4')
    expect(rows[1]![header!.indexOf('machine_cpu')]).toBe('')
  })
})
