import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { speedups } from '@shared/activity/export'
import type { BenchRun } from '@shared/contract'
import { createCore } from '../src/main/core/core'
import { headlessDesktop } from '../src/main/platform/desktop'
import { createLogger } from '../src/main/platform/log'
import { NodeLauncher } from '../src/main/platform/process/node-launcher'
import { startFixtureProcess } from './support/fixture-process'
import { benchPlace } from './support/places'
import { arg, printTable, round } from './support/report'
import { readConfig } from '../src/main/core/config'

/**
 * `npm run bench:strategies [-- --files 40 --workers N --js-stage --json]`
 * The "test both" comparison without a window: the same generated photos processed in the main
 * process, on worker threads and in 1…N worker processes, each while the weather for 10 places
 * refreshes against the loopback fixture (150 ms per request). Runs the built worker entries.
 */
const files = Number(arg('files') ?? 40)
const workers = Number(arg('workers') ?? availableParallelism())
const jsStage = process.argv.includes('--js-stage')
const json = process.argv.includes('--json')
const built = resolve(__dirname, '../out/main')

async function main(): Promise<void> {
  const fixture = await startFixtureProcess(150)
  const userData = mkdtempSync(join(tmpdir(), 'skyfolio-bench-strategies-'))
  const core = createCore({
    userDataDir: userData,
    runtime: 'headless',
    version: 'bench',
    launcher: new NodeLauncher(),
    workerEntry: (name) => join(built, `${name}.js`),
    desktop: headlessDesktop,
    log: createLogger('bench', 'warn'),
    config: { ...readConfig(), weatherUrl: fixture.url }
  })
  try {
    for (let i = 0; i < 10; i++) {
      const place = benchPlace(i, 'Bench')
      const added = await core.router.dispatch('weather:add-place', place)
      if (!added.ok) throw new Error(added.error.message)
    }
    const finished = new Promise<BenchRun>((ok) =>
      core.bus.connect((event, payload) => {
        if (event === 'bench:finished') ok(payload as BenchRun)
        if (event === 'bench:progress' && !json) {
          const p = payload as {
            phase: string
            index: number
            done: number
            total: number
            detail: string
          }
          if (p.done === p.total && p.total > 0)
            console.log(`  finished ${p.detail} (${p.done} images)`)
        }
      })
    )
    if (!json)
      console.log(
        `Test both: ${files} generated photos, workers 1…${workers}, JS stage ${jsStage ? 'on' : 'off'}`
      )
    const started = await core.router.dispatch('bench:start', {
      sample: { kind: 'generated', count: files },
      maxWorkers: workers,
      jsStage,
      withWeather: true
    })
    if (!started.ok) throw new Error(started.error.message)
    const run = await finished
    const ups = speedups(run)
    const label = (i: number): string => {
      const r = run.results[i]!
      return r.strategy === 'in-main' ? 'in-main' : `${r.strategy}-${r.workers}`
    }
    printTable(
      run.results.map((r, i) => ({
        strategy: label(i),
        per_s: round(r.perSecond, 2)!,
        speedup: round(ups[i], 2) ?? '',
        loop_p99_ms: round(r.loopP99Ms)!,
        loop_max_ms: round(r.loopMaxMs)!,
        weather_p99_ms: round(r.weatherP99Ms) ?? '',
        main_rss_mb: round(r.peakMainRssMb, 0)!,
        worker_rss_mb: round(r.peakWorkerRssMb, 0) ?? '',
        status: r.status
      }))
    )
    if (json) {
      const out: Record<string, unknown> = {}
      run.results.forEach((r, i) => {
        const entry = {
          workers: r.workers,
          per_s: round(r.perSecond, 3),
          speedup: round(ups[i], 3),
          loop_delay_p99_ms: round(r.loopP99Ms, 2),
          loop_delay_max_ms: round(r.loopMaxMs, 2),
          weather_latency_p99_ms: round(r.weatherP99Ms, 1),
          peak_rss_mb: { main: round(r.peakMainRssMb, 0), worker_max: round(r.peakWorkerRssMb, 0) },
          status: r.status
        }
        out[label(i)] = entry
        if (r.strategy !== 'processes') out[r.strategy] = entry
      })
      const last = [...run.results].reverse().findIndex((r) => r.strategy === 'processes')
      if (last >= 0) out.processes = out[label(run.results.length - 1 - last)]
      out.files = files
      out.js_stage = jsStage
      console.log(JSON.stringify(out))
    }
  } finally {
    await core.close()
    fixture.stop()
    rmSync(userData, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error('bench:strategies failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
