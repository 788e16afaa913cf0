import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fingerprint, type Fingerprint } from '@shared/library/fingerprint'
import { encodeFingerprint } from '@shared/library/fingerprint-codec'
import { openDatabase, type Db } from '../src/main/platform/store/database'
import { libraryMigrations } from '../src/main/library/store/library-migrations'
import { encodeKey, nearKey } from '../src/main/library/store/near-index'
import { backfillSimilar } from '../src/main/library/pairing/pairing-client'
import { sourceLauncher, sourceWorkerEntry } from '../test/support/source-workers'
import { prng } from './support/duplicate-set'
import { randomHash, randomWindows } from './support/random-hash'
import { arg, printTable, round } from './support/report'
import { createLogger } from '../src/main/platform/log'
import type { ProcessLauncher } from '../src/main/platform/process/launcher'
import { LoopDelaySpan } from '../src/main/platform/metrics/loop-delay'

/**
 * `npm run bench:pairing [-- --json --sizes 10000,100000 --new 500 --seed 7 --priority normal]`
 * Near-duplicate pairing as the app runs it after an import: a library of N contents whose near
 * keys and fingerprints are stored (synthetic ones, each distinct, plus real fingerprints of
 * made-up scenes), then `--new` contents queued (half edited copies of stored scenes, half new
 * scenes). Pairing starts as at the app's start (no worker yet, the index not loaded) and runs
 * until nothing is queued; the worker runs from source through tsx. Reports main's event-loop
 * delay (p99, max) over the whole run, the worker's start (`start_ms`, tsx compiling included),
 * the time per new photo once it is ready (`ms_per_photo`: loading the index, comparing, and
 * main's writes), and the pairs made.
 */
const json = process.argv.includes('--json')
const sizes = (arg('sizes') ?? '10000,100000').split(',').map(Number)
const fresh = Number(arg('new') ?? 500)
const seed = Number(arg('seed') ?? 7)
/** `--priority normal` runs the worker at the UI's priority (the app lowers it). */
const lowPriority = arg('priority') !== 'normal'

const log = (line: string): void => {
  if (!json) console.log(line)
}

const W = 128
const H = 96

/** A made-up scene: a few coloured waves; `nudge` brightens it, `noise` adds grain (a copy). */
function scene(n: number, nudge = 0, noise = 0): Uint8Array {
  const r = prng(n * 7919 + 13)
  const grain = prng(n * 31 + 5)
  const waves = Array.from({ length: 4 }, () => [
    r() * 0.3,
    r() * 0.3,
    r() * 6,
    30 + r() * 50,
    r(),
    r(),
    r()
  ])
  const out = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 3; c++) {
        let v = 128 + nudge + (grain() - 0.5) * noise
        for (const w of waves) v += w[3]! * Math.cos(w[0]! * x + w[1]! * y + w[2]!) * w[4 + c]!
        out[(y * W + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v)))
      }
  return out
}

const real = (pixels: Uint8Array): Fingerprint => fingerprint(pixels, W, H, 3)

/**
 * A distinct fingerprint without decoding anything: the template's shape with its own hashes,
 * colour and pattern (one in ten smooth, found by colour as skies and flat pictures are).
 */
function synthetic(template: Fingerprint, r: () => number): Fingerprint {
  const hash = randomHash(r)
  const smooth = r() < 0.1
  return {
    ...template,
    mean: [40 + r() * 180, 90 + r() * 76, 90 + r() * 76],
    detail: smooth ? r() * 1.5 : template.detail,
    hash,
    windows: randomWindows(hash, r),
    fine: Float32Array.from(template.fine, () => (Math.floor(r() * 16) - 8) / 3),
    chroma: Int8Array.from(template.chroma, () => Math.floor(r() * 60) - 30)
  }
}

const hex = (n: number): string => n.toString(16).padStart(64, '0')

/** Stores contents with their keys and fingerprints; `queue` also queues them for pairing. */
function store(db: Db, prints: readonly [number, Fingerprint][], queue: boolean): void {
  const asset = db.prepare(
    `INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
     version) VALUES (?, 4000, 3000, 'jpeg', 'AAAA', '0', 't', 'p', 1)`
  )
  const key = db.prepare('INSERT INTO library_near_keys (hash, key, sharpness) VALUES (?, ?, ?)')
  const data = db.prepare('INSERT INTO library_fingerprints (hash, data) VALUES (?, ?)')
  const backfill = db.prepare('INSERT INTO library_similar_backfill (hash) VALUES (?)')
  db.transaction(() => {
    for (const [n, f] of prints) {
      asset.run(hex(n))
      key.run(hex(n), encodeKey(nearKey(f)), f.sharpness)
      data.run(hex(n), encodeFingerprint(f))
      if (queue) backfill.run(hex(n))
    }
  })()
}

interface Row {
  photos: number
  new: number
  /** The worker's scheduling priority. */
  worker: 'low' | 'normal'
  pairs: number
  total_ms: number
  /** From asking for pairs to the worker's 'ready' (from source, so tsx compiles it first). */
  start_ms: number
  ms_per_photo: number
  loop_p99_ms: number
  loop_max_ms: number
  build_s: number
}

/** Child mode (`--make FILE --size N`): writes the library, so the measuring process holds no
 * garbage of its making (its collection paused main by up to 110 ms in the measured window). */
function make(file: string, size: number): void {
  const copies = Math.floor(fresh / 2)
  const build = openDatabase(file, { migrations: libraryMigrations })
  // Stored: scenes 0..copies-1 (real), the rest synthetic; new: copies of those scenes, then
  // new scenes.
  const template = real(scene(seed))
  const r = prng(seed * 101 + size)
  for (let i = 0; i < size; i += 5000) {
    const chunk: [number, Fingerprint][] = []
    for (let n = i; n < Math.min(size, i + 5000); n++)
      chunk.push([n, n < copies ? real(scene(seed + n)) : synthetic(template, r)])
    store(build, chunk, false)
  }
  const queued: [number, Fingerprint][] = []
  for (let i = 0; i < fresh; i++)
    queued.push([size + i, i < copies ? real(scene(seed + i, 6, 8)) : real(scene(seed + size + i))])
  store(build, queued, true)
  build.close()
}

async function run(size: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'skyfolio-pairing-'))
  try {
    const file = join(dir, 'skyfolio.db')
    let t = performance.now()
    const args = [
      '--make',
      file,
      '--size',
      String(size),
      '--new',
      String(fresh),
      '--seed',
      String(seed)
    ]
    const made = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
      stdio: 'inherit'
    })
    if (made.status !== 0) throw new Error(`making the library failed (${made.status})`)
    const buildS = (performance.now() - t) / 1000
    log(`${size}: library made in ${buildS.toFixed(1)} s`)

    // As at the app's start: a new connection, the index not loaded yet.
    const db = openDatabase(file, { migrations: libraryMigrations })
    // When the worker said it is ready: its start (tsx compiling the entry) is apart from the work.
    let readyAt: number | null = null
    const launcher = sourceLauncher()
    const timed: ProcessLauncher = {
      kind: launcher.kind,
      launch: (entry, o, onEvent) =>
        launcher.launch(entry, o, (event) => {
          if (event.type === 'message' && (event.data as { type?: string }).type === 'ready')
            readyAt ??= performance.now()
          onEvent(event)
        })
    }
    const delay = new LoopDelaySpan(1)
    t = performance.now()
    const loop = backfillSimilar(db, {
      thumbsDir: dir,
      launcher: timed,
      entry: sourceWorkerEntry('pairing-worker'),
      log: createLogger('pairing', 'info', (line) => console.error(line)),
      lowPriority
    })
    await loop.idle()
    const totalMs = performance.now() - t
    const workMs = performance.now() - (readyAt ?? t)
    const startMs = (readyAt ?? t) - t
    const loopSpan = delay.end()
    await loop.stop()
    const pairs = (db.prepare('SELECT count(*) AS n FROM library_similar').get() as { n: number }).n
    db.close()
    return {
      photos: size,
      new: fresh,
      worker: lowPriority ? 'low' : 'normal',
      pairs,
      total_ms: round(totalMs, 0)!,
      start_ms: round(startMs, 0)!,
      ms_per_photo: round(workMs / fresh, 2)!,
      loop_p99_ms: round(loopSpan.p99Ms, 1)!,
      loop_max_ms: round(loopSpan.maxMs, 1)!,
      build_s: round(buildS, 1)!
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const file = arg('make')
  if (file) return make(file, Number(arg('size')))
  const rows: Row[] = []
  for (const size of sizes) rows.push(await run(size))
  if (!json) printTable(rows as unknown as Record<string, number>[])
  else console.log(JSON.stringify({ new: fresh, sizes: rows }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
