import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { quantileOf } from '@shared/activity/stats'
import { startHostProcess } from '../e2e/fixtures/host-process'
import { chromiumArgs, chromiumBinary } from '../e2e/fixtures/runtime'
import { baselineHtml, type GridGeometry } from './support/baseline-page'
import { makeGalleryLibrary } from './support/gallery-library'
import { armProbe, pageProbesScript, takeProbe } from './support/page-probe'
import { targets, type GalleryCase as Case } from './support/gallery-targets'
import { arg, printTable, round } from './support/report'

/**
 * `npm run bench:gallery [-- --json --rows 10000,100000 --sizes 1280x800,1920x1080 --notches 240
 *   --flicks 60]`
 * The library's grid in Chromium on the headless host, over generated libraries (rows with
 * real thumbhashes, a small JPEG thumbnail file per content, as the import makes them), at
 * 1280×800 and 1920×1080:
 *   open_ms       click on Library → the first frame in which every visible cell shows its
 *                 loaded thumbnail (measured in the page: the click event's timestamp to that
 *                 frame's requestAnimationFrame time); open_placeholders_ms: to the first frame
 *                 in which every visible cell shows at least its placeholder
 *   wheel         a 120 px notch every frame, `--notches` of them
 *   flick         a 1,500 px jump, then 3 frames without one (a fast flick every 4th frame),
 *                 `--flicks` of them
 * and, in the same browser right after, the same scrolls of a baseline: a static page with as
 * many coloured tiles of the same size, in a box of the same place and size, and no script.
 * Per case, measured in the page (bench/support/page-probes.js, gallery-probes.js):
 *   frame_p95_ms, frame_p99_ms, frame_max_ms  gaps between animation frames while scrolling
 *   long_tasks          Long Tasks (≥ 50 ms, PerformanceObserver 'longtask')
 *   empty_cell_frames   frames in which a visible cell shows neither its loaded thumbnail nor
 *                       its placeholder, or part of the visible grid has no row drawn yet
 *                       (the precise rule is in gallery-probes.js)
 *   frames              frames inspected while scrolling
 *   baseline_p95_ms, baseline_p99_ms, baseline_max_ms   the baseline's frame gaps, same scroll
 */
const json = process.argv.includes('--json')
const ROWS = (arg('rows') ?? '10000,100000').split(',').map(Number)
const SIZES = (arg('sizes') ?? '1280x800,1920x1080').split(',').map((s) => {
  const [width, height] = s.split('x').map(Number)
  return { width: width!, height: height! }
})
const SCROLLS = {
  wheel: { step: 120, every: 1, count: Number(arg('notches') ?? 240), tail: 10 },
  flick: { step: 1500, every: 4, count: Number(arg('flicks') ?? 60), tail: 10 }
} as const
type Mode = keyof typeof SCROLLS
const probesScript = join(__dirname, 'support/gallery-probes.js')
/**
 * `--inspect off`: no empty-cell check (it reads every visible row's box each frame, which
 * forces the frame's layout early): the frame figures without the probe's own cost.
 */
const INSPECT = arg('inspect') !== 'off'
/** SKYFOLIO_GALLERY_PROFILE=dir: a CPU profile of the page per scroll (open in DevTools). */
const PROFILE_DIR = process.env.SKYFOLIO_GALLERY_PROFILE

/** SKYFOLIO_GALLERY_TRACE=dir: a Chromium trace per scroll (open in chrome://tracing). */
const TRACE_DIR = process.env.SKYFOLIO_GALLERY_TRACE
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink']

async function startProfile(page: Page): Promise<(name: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return async (name) => {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(join(PROFILE_DIR!, `gallery-${name}.cpuprofile`), JSON.stringify(profile))
    await cdp.detach()
  }
}

interface Gallery {
  open: { clicked: number | null; placeholders: number | null; at: number | null }
  checking: boolean
  watchOpen(): void
  drive(step: number, every: number, count: number, tail: number): Promise<number>
  take(): { frames: number; emptyFrames: number; samples: unknown[]; checkMs: number[] }
}
type GalleryWindow = Window & { __gallery: Gallery }

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Scrolls one way and returns what the page measured over it. */
async function scrollCase(page: Page, mode: Mode, kind: 'app' | 'baseline', inspect: boolean) {
  await pause(1000)
  await takeProbe(page)
  await page.evaluate((on) => {
    const g = (window as unknown as GalleryWindow).__gallery
    g.take()
    g.checking = on
  }, inspect)
  const profiler = PROFILE_DIR && kind === 'app' ? await startProfile(page) : null
  const tracing = TRACE_DIR ? page.context().browser() : null
  if (tracing) await tracing.startTracing(page, { categories: TRACE_CATEGORIES })
  await armProbe(page, true)
  const s = SCROLLS[mode]
  await page.evaluate(
    ([step, every, count, tail]) =>
      (window as unknown as GalleryWindow).__gallery.drive(step!, every!, count!, tail!),
    [s.step, s.every, s.count, s.tail]
  )
  await armProbe(page, false)
  if (profiler) await profiler(`${mode}-${page.viewportSize()?.width}`)
  if (tracing) {
    const name = `${kind}-${mode}-${page.viewportSize()?.width}`
    writeFileSync(join(TRACE_DIR!, `gallery-${name}.json`), await tracing.stopTracing())
  }
  const gallery = await page.evaluate(() => {
    const g = (window as unknown as GalleryWindow).__gallery
    g.checking = false
    return g.take()
  })
  const probe = await takeProbe(page)
  return {
    p95: round(quantileOf(probe.gaps, 0.95)),
    p99: round(quantileOf(probe.gaps, 0.99)),
    max: round(Math.max(0, ...probe.gaps)),
    longTasks: probe.long.length,
    emptyFrames: gallery.emptyFrames,
    frames: inspect ? gallery.frames : probe.gaps.length,
    checkP95: round(quantileOf(gallery.checkMs, 0.95), 2),
    samples: gallery.samples
  }
}

/** Where the grid is and how it lays out its tiles, for the baseline to copy. */
async function geometry(page: Page): Promise<GridGeometry> {
  return page.evaluate(() => {
    const grid = document.querySelector('[role=grid]')!
    const box = grid.getBoundingClientRect()
    const tile = grid.querySelector<HTMLElement>('[role=gridcell]')!
    return {
      left: box.left,
      top: box.top,
      width: box.width,
      height: box.height,
      cell: tile.offsetWidth,
      columns: Number(grid.getAttribute('aria-colcount')),
      gap: 6
    }
  })
}

async function measureSize(
  browser: Browser,
  hostUrl: string,
  rows: number,
  size: (typeof SIZES)[number]
) {
  const context = await browser.newContext({ viewport: size })
  try {
    const page = await context.newPage()
    await page.addInitScript({ path: pageProbesScript })
    await page.addInitScript({ path: probesScript })
    await page.goto(hostUrl)
    await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    await pause(500)
    await page.evaluate(() => (window as unknown as GalleryWindow).__gallery.watchOpen())
    await page.getByRole('button', { name: 'Library', exact: true }).click()
    await page.waitForFunction(() => (window as unknown as GalleryWindow).__gallery.open.at, null, {
      timeout: 120_000,
      polling: 100
    })
    const open = await page.evaluate(() => (window as unknown as GalleryWindow).__gallery.open)
    const openMs = round(open.at! - open.clicked!, 0)
    const placeholdersMs = round((open.placeholders ?? open.at!) - open.clicked!, 0)
    const grid = await geometry(page)

    const app = {
      wheel: await scrollCase(page, 'wheel', 'app', INSPECT),
      flick: await scrollCase(page, 'flick', 'app', INSPECT)
    }

    const baseline = await context.newPage()
    await baseline.addInitScript({ path: pageProbesScript })
    await baseline.addInitScript({ path: probesScript })
    const url = 'http://baseline.invalid/'
    const html = baselineHtml(rows, grid)
    await baseline.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }))
    await baseline.goto(url)
    await baseline.locator('[role=grid]').waitFor()
    const base = {
      wheel: await scrollCase(baseline, 'wheel', 'baseline', false),
      flick: await scrollCase(baseline, 'flick', 'baseline', false)
    }
    const sizeName = `${size.width}x${size.height}`
    const cases = (['wheel', 'flick'] as const).map((mode) => ({
      rows,
      size: sizeName,
      scroll: mode,
      frame_p95_ms: app[mode].p95,
      frame_p99_ms: app[mode].p99,
      frame_max_ms: app[mode].max,
      long_tasks: app[mode].longTasks,
      empty_cell_frames: INSPECT ? app[mode].emptyFrames : null,
      frames: app[mode].frames,
      baseline_p95_ms: base[mode].p95,
      baseline_p99_ms: base[mode].p99,
      baseline_max_ms: base[mode].max,
      baseline_long_tasks: base[mode].longTasks,
      probe_check_p95_ms: INSPECT ? app[mode].checkP95 : null
    }))
    if (process.env.SKYFOLIO_BENCH_DETAIL)
      console.log(
        sizeName,
        rows,
        JSON.stringify({ wheel: app.wheel.samples, flick: app.flick.samples })
      )
    return { openMs, placeholdersMs, grid, cases }
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  const browserPath = chromiumBinary()
  if (!browserPath) throw new Error('Chromium is needed: apt-get install -y chromium')
  const loadBefore = loadavg().map((l) => round(l, 2))
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: chromiumArgs
  })
  const cases: Case[] = []
  const opens: {
    rows: number
    size: string
    open_ms: number | null
    open_placeholders_ms: number | null
  }[] = []
  try {
    for (const rows of ROWS) {
      const work = mkdtempSync(join(tmpdir(), 'skyfolio-bench-gallery-'))
      try {
        if (!json) console.log(`Generating a library of ${rows.toLocaleString()} photos…`)
        await makeGalleryLibrary(join(work, 'user-data'), rows)
        const host = await startHostProcess(join(work, 'user-data'), {
          SKYFOLIO_WEATHER_AUTOREFRESH: '0'
        })
        try {
          for (const size of SIZES) {
            if (!json) console.log(`  ${size.width}×${size.height}…`)
            const r = await measureSize(browser, host.url, rows, size)
            cases.push(...r.cases)
            opens.push({
              rows,
              size: `${size.width}x${size.height}`,
              open_ms: r.openMs,
              open_placeholders_ms: r.placeholdersMs
            })
          }
        } finally {
          await host.stop()
        }
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    }
  } finally {
    await browser.close()
  }
  printTable(cases)
  printTable(opens)
  const at100k = opens.filter((o) => o.rows === 100_000).map((o) => o.open_ms ?? Infinity)
  const openMs = at100k.length > 0 ? Math.max(...at100k) : null
  const checks = targets(cases, openMs)
  const missed = checks.filter((c) => !c.met)
  if (!json)
    console.log(
      missed.length
        ? `Targets missed:\n  ${missed.map((m) => m.target).join('\n  ')}`
        : 'All targets met.'
    )
  if (json)
    console.log(
      JSON.stringify({
        cases,
        open_ms: openMs,
        opens,
        targets: checks,
        all_met: missed.length === 0,
        load_average_before: loadBefore,
        load_average_after: loadavg().map((l) => round(l, 2))
      })
    )
}

main().catch((error: unknown) => {
  console.error('bench:gallery failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
