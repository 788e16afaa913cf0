/**
 * npm run bench:import [-- --files N] [--workers N] [--megapixels LO-HI] [--json]
 *                      [--app-only]  (skips (a), the floor and the 1-worker run: memory over a
 *                                    long import)
 *
 * Measures, on the same generated files in one run:
 *   (a) the ceiling: the same pipeline in one process with every core busy (no IPC, no DB);
 *   (b) the app pipeline (discovery → worker pool → SQLite) with 1 worker and with N;
 *   (c) the main event loop's delay p99 during (b) with N workers;
 *   (d) peak RSS of the main process and of the largest worker;
 *   (e) thumbnails first: the floor (sharp decoding the same files to 256 px raw, every core
 *       busy), how fast the app fills the grid (thumbnails in the database), the first
 *       thumbnail's delay, and the previews' own rate (phase 2).
 * With --json the last line is one JSON object.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { runApp } from './import-app'
import { runCeiling } from './import-ceiling'
import { runThumbFloor } from './import-floor'
import { generateInputs } from './import-inputs'

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
  } else if (step === 'floor') {
    const files = JSON.parse(readFileSync(rest[0]!, 'utf8')) as string[]
    console.log(JSON.stringify(await runThumbFloor(files)))
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

    let floor = { seconds: NaN, failed: 0 }
    if (!args.appOnly) {
      log(`(e) Floor: sharp to ${256} px raw, ${availableParallelism()} cores busy…`)
      floor = await child<{ seconds: number; failed: number }>('floor', join(work, 'files.json'))
    }
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
    const floorPerS = args.files / floor.seconds
    const gridPerS = many.done / many.gridSeconds
    const previewPerS = many.previews / (many.seconds - many.gridSeconds)
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
      thumb_floor_per_s: num(floorPerS),
      grid_per_s: num(gridPerS),
      grid_ratio_to_floor: num(gridPerS / floorPerS, 3),
      preview_per_s: num(previewPerS),
      first_thumb_ms: num(many.firstThumbMs, 0),
      load_average: loadavg().map((n) => round(n)),
      loop_delay_p99_ms: round(many.loopP99Ms),
      loop_delay_max_ms: round(many.loopMaxMs),
      loop_delay_idle_p99_ms: round(many.idleLoopP99Ms),
      peak_rss_mb: { main: round(many.mainPeakMb, 1), worker_max: round(many.workerPeakMb, 1) },
      main_rss_growth_mb: round(many.mainPeakMb - many.mainBaseMb, 1),
      main_cpu_percent: round(many.mainCpuPercent, 1),
      imported: { one_worker: one.done, workers: many.done, ceiling_failed: ceiling.failed },
      targets: {
        ratio_to_ceiling: args.appOnly ? null : appPerS / ceilingPerS >= 0.9,
        grid_ratio_to_floor: args.appOnly ? null : gridPerS / floorPerS >= 0.75,
        speedup_vs_1_worker: args.appOnly ? null : appPerS / onePerS >= 0.85 * args.workers,
        loop_delay_p99_ms: many.loopP99Ms <= 20,
        first_thumb_ms: many.firstThumbMs <= 2000,
        main_rss_growth_mb: many.mainPeakMb - many.mainBaseMb < 100
      }
    }
    const rows: [string, string, string][] = [
      ['Ceiling (one process, all cores)', `${result.ceiling_per_s} images/s`, ''],
      ['App, 1 worker', `${result.app_1_worker_per_s} images/s`, ''],
      [`App, ${args.workers} workers`, `${result.app_per_s} images/s`, ''],
      ['Ratio to ceiling', String(result.ratio_to_ceiling), '≥ 0.90'],
      ['Thumbnail floor (sharp, 256 px raw)', `${result.thumb_floor_per_s} images/s`, ''],
      ['Grid fill (thumbnails in the DB)', `${result.grid_per_s} images/s`, ''],
      ['Grid ratio to floor', String(result.grid_ratio_to_floor), '≥ 0.75'],
      ['Previews (phase 2)', `${result.preview_per_s} images/s`, ''],
      ['First thumbnail in the grid', `${result.first_thumb_ms} ms`, '≤ 2,000 ms'],
      ['Load average (1, 5, 15 min)', result.load_average.join(' '), ''],
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
