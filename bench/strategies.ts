import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { BenchProgress, BenchRun, Workload } from '@shared/contract'
import { createCore, type Core } from '../src/main/core/core'
import { readConfig } from '../src/main/core/config'
import { headlessDesktop } from '../src/main/platform/desktop'
import { createLogger } from '../src/main/platform/log'
import { NodeLauncher } from '../src/main/platform/process/node-launcher'
import { startFixtureProcess } from './support/fixture-process'
import { benchPlace } from './support/places'
import { arg, printTable } from './support/report'
import { machineJson, strategiesJson, tableRows } from './support/strategy-json'

/**
 * `npm run bench:strategies [-- --files 40 --workers N --repeats 3 --latency 150
 *   --hybrid-files N --no-hybrid --js-stage --json]`
 * "Test both" without a window. First the image workload: the same generated photos processed
 * in the main process, on worker threads and in 1…N worker processes, each strategy once to warm
 * up and then `--repeats` times, while the weather for 10 places refreshes against the loopback
 * fixture (150 ms per request). Then "Download and process" (the `hybrid` section): the photos
 * served by a loopback server with `--latency` ms per image, one at a time, all downloads first,
 * and pipelined into N worker processes. Runs the built worker entries.
 *
 * The generated photos are cached in node_modules/.cache/skyfolio (made once per parameters).
 * Main's retained RSS is read after a forced collection, so it is memory held, not garbage.
 */
const files = Number(arg('files') ?? 40)
const hybridFiles = Number(arg('hybrid-files') ?? files)
const workers = Number(arg('workers') ?? availableParallelism())
const repeats = Number(arg('repeats') ?? 3)
const latencyMs = Number(arg('latency') ?? 150)
const jsStage = process.argv.includes('--js-stage')
const hybrid = !process.argv.includes('--no-hybrid')
const json = process.argv.includes('--json')
const built = resolve(__dirname, '../out/main')
const sampleCache = resolve(__dirname, '../node_modules/.cache/skyfolio/bench-samples')

// A collection before each "after" reading of main's RSS (main-memory.ts calls gc if present).
setFlagsFromString('--expose-gc')
;(globalThis as { gc?: unknown }).gc = runInNewContext('gc')

async function runWorkload(core: Core, workload: Workload, count: number): Promise<BenchRun> {
  let disconnect = (): void => undefined
  const finished = new Promise<BenchRun>((ok) => {
    disconnect = core.bus.connect((event, payload) => {
      if (event === 'bench:finished') ok(payload as BenchRun)
      if (event === 'bench:progress' && !json) {
        const p = payload as BenchProgress
        if (p.phase === 'running' && p.done === p.total && p.total > 0)
          console.log(`  ${p.detail} (${p.done} images)`)
      }
    })
  }).finally(() => disconnect())
  const started = await core.router.dispatch('bench:start', {
    sample: { kind: 'generated', count },
    maxWorkers: workers,
    jsStage,
    withWeather: true,
    repeats,
    workload,
    latencyMs
  })
  if (!started.ok) throw new Error(started.error.message)
  return finished
}

function report(run: BenchRun, title: string): void {
  if (json) return
  console.log(`\n${title}`)
  printTable(tableRows(run))
  console.log(run.verdict ?? 'No verdict: a strategy is missing.')
}

async function main(): Promise<void> {
  const fixture = await startFixtureProcess(150)
  const userData = mkdtempSync(join(tmpdir(), 'skyfolio-bench-strategies-'))
  mkdirSync(join(userData, 'cache'), { recursive: true })
  mkdirSync(sampleCache, { recursive: true })
  symlinkSync(sampleCache, join(userData, 'cache', 'bench-samples'), 'dir')
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
      const added = await core.router.dispatch('weather:add-place', benchPlace(i, 'Bench'))
      if (!added.ok) throw new Error(added.error.message)
    }
    if (!json)
      console.log(
        `Test both: ${files} generated photos, workers 1…${workers}, ${repeats} repeats after a warm-up, JS stage ${jsStage ? 'on' : 'off'}`
      )
    const images = await runWorkload(core, 'images', files)
    report(images, 'Process images: median (min–max) over the repeats')
    const download = hybrid ? await runWorkload(core, 'download', hybridFiles) : null
    if (download)
      report(download, `Download and process (${latencyMs} ms per image): median (min–max)`)
    if (json) {
      console.log(
        JSON.stringify({
          ...strategiesJson(images),
          files,
          js_stage: jsStage,
          repeats,
          verdict: images.verdict ?? null,
          machine: machineJson(images.machine),
          sample: images.sample ?? null,
          hybrid: download
            ? {
                files: hybridFiles,
                latency_ms: latencyMs,
                verdict: download.verdict ?? null,
                ...strategiesJson(download)
              }
            : null
        })
      )
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
