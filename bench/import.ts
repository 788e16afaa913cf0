/**
 * npm run bench:import [-- --files N] [--workers N] [--megapixels LO-HI] [--json]
 *                      [--app-only]  (skips (a) and the 1-worker run: memory over a long import)
 *
 * Measures, on the same generated files in one run:
 *   (a) the ceiling: the same pipeline in one process with every core busy (no IPC, no DB);
 *   (b) the app pipeline (discovery → worker pool → SQLite) with 1 worker and with N;
 *   (c) the main event loop's delay p99 during (b) with N workers;
 *   (d) peak RSS of the main process and of the largest worker.
 * With --json the last line is one JSON object.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Envelope } from '@shared/contract'
import { createCore, type Core } from '../src/main/core/core'
import { headlessDesktop } from '../src/main/platform/desktop'
import { createLogger } from '../src/main/platform/log'
import { sourceLauncher, sourceWorkerEntry } from '../test/support/source-workers'
import { runCeiling } from './import-ceiling'
import { generateInputs } from './import-inputs'
import { readConfig } from '../src/main/core/config'

interface Args {
  files: number
  workers: number
  megapixels: [number, number]
  json: boolean
  appOnly: boolean
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const mp = (value('--megapixels') ?? '12-24').split('-').map(Number)
  return {
    files: Number(value('--files') ?? 160),
    workers: Number(value('--workers') ?? availableParallelism()),
    megapixels: [mp[0] ?? 12, mp[1] ?? mp[0] ?? 24],
    json: argv.includes('--json'),
    appOnly: argv.includes('--app-only')
  }
}

/** Runs a step of this script in a fresh process, so its memory never counts as main's. */
async function child<T>(...args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', __filename, '--child', ...args], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => {
      if (code !== 0) reject(new Error(`bench step ${args[0]} exited with ${code}`))
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as T)
    })
  })
}

async function childMain(argv: string[]): Promise<void> {
  const [step, ...rest] = argv
  if (step === 'generate') {
    const [dir, files, lo, hi] = rest
    const list = await generateInputs(dir!, {
      files: Number(files),
      megapixels: [Number(lo), Number(hi)]
    })
    writeFileSync(join(dir!, '..', 'files.json'), JSON.stringify(list))
    console.log(JSON.stringify({ files: list.length }))
  } else if (step === 'ceiling') {
    const [listFile, outDir] = rest
    const files = JSON.parse(readFileSync(listFile!, 'utf8')) as string[]
    console.log(JSON.stringify(await runCeiling(files, outDir!)))
  }
}

async function call<T>(core: Core, channel: string, params: unknown = {}): Promise<T> {
  const envelope = (await core.router.dispatch(channel, params)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value
}

async function untilIdle(core: Core): Promise<{ done: number; failed: number }> {
  let last = { done: 0, failed: 0 }
  for (;;) {
    const p = await call<{ state: string; done: number; failed: number }>(core, 'library:progress')
    if (p.state === 'idle') return last
    last = { done: p.done, failed: p.failed }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * Peak RSS (MB) of the largest direct child (the workers), from the kernel's high-water
 * mark, read once at the end: sampling with ps would fork from main and disturb (c).
 */
function workerPeakRssMb(): number {
  let peak = 0
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const kids = readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/)
      for (const pid of kids.filter(Boolean)) {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024)
      }
    }
  } catch {
    // Not Linux: reported as 0.
  }
  return peak
}

interface AppRun {
  seconds: number
  done: number
  loopP99Ms: number
  loopMaxMs: number
  idleLoopP99Ms: number
  mainBaseMb: number
  mainPeakMb: number
  workerPeakMb: number
  mainCpuPercent: number
}

async function runApp(inputDir: string, warmFile: string, workers: number): Promise<AppRun> {
  const userData = mkdtempSync(join(tmpdir(), 'skyfolio-bench-app-'))
  const core = createCore({
    userDataDir: userData,
    runtime: 'headless',
    version: 'bench',
    launcher: sourceLauncher(),
    workerEntry: sourceWorkerEntry,
    desktop: headlessDesktop,
    log: createLogger('bench', 'error'),
    fetch: () => Promise.reject(new Error('offline')),
    config: readConfig({})
  })
  try {
    await call(core, 'settings:update', { importWorkers: workers })
    // Warm-up: workers started and ready, as they are a moment into any real import.
    await call(core, 'library:import', { paths: [warmFile] })
    await untilIdle(core)

    // The same measurement with nothing running, to tell the app's delay from the machine's.
    const idleLoop = monitorEventLoopDelay({ resolution: 5 })
    idleLoop.enable()
    await new Promise((r) => setTimeout(r, 1500))
    idleLoop.disable()

    const loop = monitorEventLoopDelay({ resolution: 5 })
    const mainBaseMb = process.memoryUsage.rss() / 2 ** 20
    let mainPeakMb = mainBaseMb
    const rssTimer = setInterval(() => {
      mainPeakMb = Math.max(mainPeakMb, process.memoryUsage.rss() / 2 ** 20)
    }, 100)
    const cpuBefore = process.cpuUsage()

    loop.enable()
    const started = performance.now()
    await call(core, 'library:import', { paths: [inputDir] })
    const result = await untilIdle(core)
    const seconds = (performance.now() - started) / 1000
    loop.disable()
    clearInterval(rssTimer)
    const cpu = process.cpuUsage(cpuBefore)
    const workerPeakMb = workerPeakRssMb()
    const total = await call<{ total: number }>(core, 'library:list', { limit: 1 })
    return {
      seconds,
      done: total.total - 1,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      idleLoopP99Ms: idleLoop.percentile(99) / 1e6,
      mainBaseMb,
      mainPeakMb,
      workerPeakMb,
      mainCpuPercent: (cpu.user + cpu.system) / 1e4 / seconds,
      ...(result.failed ? { failed: result.failed } : {})
    }
  } finally {
    await core.close()
    rmSync(userData, { recursive: true, force: true })
  }
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv[0] === '--child') return childMain(argv.slice(1))
  const args = parseArgs(argv)
  const log = (line: string): void => {
    if (!args.json) console.log(line)
    else console.error(line)
  }
  const work = mkdtempSync(join(tmpdir(), 'skyfolio-bench-'))
  try {
    const inputDir = join(work, 'photos')
    log(
      `Generating ${args.files} images (${args.megapixels.join('–')} MP JPEG, plus PNG/WebP/AVIF)…`
    )
    await child('generate', inputDir, String(args.files), ...args.megapixels.map(String))
    const warmDir = join(work, 'warm')
    const [warmFile] = await generateInputs(warmDir, { files: 1, megapixels: [1, 1] })

    let ceiling = { seconds: NaN, failed: 0 }
    let one = { seconds: NaN, done: 0 }
    if (!args.appOnly) {
      log(`(a) Ceiling: one process, ${availableParallelism()} cores busy…`)
      ceiling = await child<{ seconds: number; failed: number }>(
        'ceiling',
        join(work, 'files.json'),
        join(work, 'ceiling-out')
      )
      log(`(b) App pipeline with 1 worker…`)
      one = await runApp(inputDir, warmFile!, 1)
    }
    log(`(b) App pipeline with ${args.workers} workers…`)
    const many = await runApp(inputDir, warmFile!, args.workers)

    const ceilingPerS = args.files / ceiling.seconds
    const appPerS = many.done / many.seconds
    const onePerS = one.done / one.seconds
    // JSON has no NaN: what was not measured is null.
    const num = (n: number, digits = 2): number | null =>
      Number.isFinite(n) ? round(n, digits) : null
    const result = {
      files: args.files,
      workers: args.workers,
      cores: availableParallelism(),
      megapixels: args.megapixels,
      ceiling_per_s: num(ceilingPerS),
      app_per_s: round(appPerS),
      app_1_worker_per_s: num(onePerS),
      ratio_to_ceiling: num(appPerS / ceilingPerS, 3),
      speedup_vs_1_worker: num(appPerS / onePerS, 3),
      loop_delay_p99_ms: round(many.loopP99Ms),
      loop_delay_max_ms: round(many.loopMaxMs),
      loop_delay_idle_p99_ms: round(many.idleLoopP99Ms),
      peak_rss_mb: { main: round(many.mainPeakMb, 1), worker_max: round(many.workerPeakMb, 1) },
      main_rss_growth_mb: round(many.mainPeakMb - many.mainBaseMb, 1),
      main_cpu_percent: round(many.mainCpuPercent, 1),
      imported: { one_worker: one.done, workers: many.done, ceiling_failed: ceiling.failed },
      targets: {
        ratio_to_ceiling: args.appOnly ? null : appPerS / ceilingPerS >= 0.9,
        speedup_vs_1_worker: args.appOnly ? null : appPerS / onePerS >= 0.85 * args.workers,
        loop_delay_p99_ms: many.loopP99Ms <= 20,
        main_rss_growth_mb: many.mainPeakMb - many.mainBaseMb < 100
      }
    }
    const rows: [string, string, string][] = [
      ['Ceiling (one process, all cores)', `${result.ceiling_per_s} images/s`, ''],
      ['App, 1 worker', `${result.app_1_worker_per_s} images/s`, ''],
      [`App, ${args.workers} workers`, `${result.app_per_s} images/s`, ''],
      ['Ratio to ceiling', String(result.ratio_to_ceiling), '≥ 0.90'],
      [
        'Speed-up vs 1 worker',
        String(result.speedup_vs_1_worker),
        `≥ ${round(0.85 * args.workers)}`
      ],
      ['Main loop delay p99', `${result.loop_delay_p99_ms} ms`, '≤ 20 ms'],
      ['Main loop delay max', `${result.loop_delay_max_ms} ms`, ''],
      ['Main loop delay p99, idle machine', `${result.loop_delay_idle_p99_ms} ms`, '(baseline)'],
      ['Peak RSS main', `${result.peak_rss_mb.main} MB`, ''],
      ['Main RSS growth', `${result.main_rss_growth_mb} MB`, '< 100 MB'],
      ['Main process CPU during import', `${result.main_cpu_percent} %`, ''],
      ['Peak RSS largest worker', `${result.peak_rss_mb.worker_max} MB`, '']
    ]
    log('')
    for (const [name, value, target] of rows)
      log(`${name.padEnd(34)} ${value.padStart(16)}  ${target}`)
    if (args.json) console.log(JSON.stringify(result))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
