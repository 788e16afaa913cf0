import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import sharp from 'sharp'
import { quantileOf } from '@shared/activity/stats'
import type { LoopSpan } from '@shared/contract/activity'
import type { ImportProgress } from '@shared/contract/library'
import { startHostProcess } from '../e2e/fixtures/host-process'
import { chromiumArgs, chromiumBinary } from '../e2e/fixtures/runtime'
import { startFixtureProcess } from './support/fixture-process'
import { benchPlace } from './support/places'
import { arg, printTable, round } from './support/report'

/**
 * `npm run bench:responsiveness [-- --images 300 --places 20 --json]`
 * Drives the headless host in Chromium through an image import and a weather refresh with the
 * app's default strategy (worker processes), clicking and typing all the while, and measures
 * the window from inside the page: long tasks, frame gaps, input-to-paint (Event Timing API),
 * and the main process's event-loop delay from its own activity samples.
 *   long_tasks         Long Tasks (≥ 50 ms) in the renderer after the first render
 *   frame_p99_ms       p99 of the gaps between animation frames
 *   input_p99_ms       p99 over scripted clicks and keys of Event Timing's duration, the
 *                      interaction's longest event as INP counts it (under 16 ms counts as 16)
 *   loop_delay_p99_ms  p99 of the main process's event-loop delay over the whole run: one
 *                      histogram from the moment the run starts (as bench:strategies measures it)
 *   loop_delay_max_ms  the single worst delay in the run
 *   loop_delay_worst_window_p99_ms  the p99 of the worst ½-second window (p99 across windows)
 */
const IMAGES = Number(arg('images') ?? 300)
const PLACES = Number(arg('places') ?? 20)
const json = process.argv.includes('--json')

async function makeImages(dir: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const noise = await sharp({
    create: {
      width: 2000,
      height: 1500,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 24 }
    }
  })
    .jpeg({ quality: 85 })
    .toBuffer()
  for (let i = 0; i < count; i++) {
    // Each file differs (a tinted copy), so none is linked as a duplicate of another.
    await sharp(noise)
      .tint({ r: (i * 37) % 255, g: (i * 91) % 255, b: (i * 13) % 255 })
      .jpeg({ quality: 85 })
      .toFile(join(dir, `img-${String(i).padStart(4, '0')}.jpg`))
  }
}

async function interact(page: Page, until: () => boolean): Promise<number> {
  const views = ['Weather', 'Library', 'Activity']
  let count = 0
  while (!until()) {
    await page.getByRole('button', { name: views[count % 3]!, exact: true }).click()
    count++
    await page.keyboard.press('ArrowDown')
    count++
    await page.waitForTimeout(250)
  }
  return count
}

async function main(): Promise<void> {
  const browserPath = chromiumBinary()
  if (!browserPath) throw new Error('Chromium is needed: apt-get install -y chromium')
  const work = mkdtempSync(join(tmpdir(), 'skyfolio-bench-resp-'))
  const fixture = await startFixtureProcess(150)
  const host = await startHostProcess(join(work, 'user-data'), {
    SKYFOLIO_WEATHER_URL: fixture.url
  })
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: chromiumArgs
  })
  try {
    if (!json) console.log(`Generating ${IMAGES} photos (2000×1500)…`)
    await makeImages(join(work, 'photos'), IMAGES)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ path: join(__dirname, 'support/page-probes.js') })
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    for (let i = 0; i < PLACES; i++) {
      const place = benchPlace(i, 'Probe')
      await page.evaluate((p) => window.api.invoke('weather:add-place', p), place)
    }
    // Armed: the window starts counting, and main measures its loop from here to the end.
    await page.evaluate(() => {
      const probe = (window as unknown as { __probe: { armed: boolean; loop: number[] } }).__probe
      probe.armed = true
      window.api.on('activity:sample', (s) => probe.loop.push(s.loop.p99Ms))
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      setInterval(
        () => window.api.invoke('activity:watch', { watcher: 'bench', watching: true }),
        3000
      )
      return window.api.invoke('activity:watch', { watcher: 'bench', watching: true })
    })
    const t0 = Date.now()
    await page.evaluate(
      ([dir]) =>
        Promise.all([
          window.api.invoke('library:import', { paths: [dir!], urls: [] }),
          window.api.invoke('weather:refresh-all', {})
        ]),
      [join(work, 'photos')]
    )
    let finished = false
    let last: ImportProgress | null = null
    const watch = (async () => {
      // The batch is over when the queue goes idle after having run.
      for (;;) {
        const p = (await page.evaluate(() => window.api.invoke('library:progress', {}))) as {
          ok: boolean
          value: ImportProgress
        }
        if (p.ok && p.value.state !== 'idle') last = p.value
        if (p.ok && p.value.state === 'idle' && last) break
        await new Promise((r) => setTimeout(r, 250))
      }
      finished = true
    })()
    const interactions = await interact(page, () => finished)
    await watch
    const wallMs = Date.now() - t0
    const span = (await page.evaluate(() =>
      window.api.invoke('activity:watch', { watcher: 'bench', watching: false })
    )) as { ok: boolean; value: { loop: LoopSpan | null } }
    if (!span.ok || !span.value.loop) throw new Error('main did not report its loop delay')
    const probe = (await page.evaluate(
      () => (window as unknown as { __probe: unknown }).__probe
    )) as {
      long: number[]
      gaps: number[]
      events: number[]
      loop: number[]
    }
    // Event Timing reports interactions of 16 ms or more; the rest count as 16 (an upper bound).
    const inputs = [
      ...probe.events,
      ...Array(Math.max(0, interactions - probe.events.length)).fill(16)
    ]
    const result = {
      images: IMAGES,
      places: PLACES,
      wall_ms: wallMs,
      interactions,
      long_tasks: probe.long.length,
      frame_p99_ms: round(quantileOf(probe.gaps, 0.99)),
      input_p99_ms: round(quantileOf(inputs, 0.99)),
      loop_delay_p99_ms: round(span.value.loop.p99Ms),
      loop_delay_max_ms: round(span.value.loop.maxMs),
      loop_delay_worst_window_p99_ms: round(quantileOf(probe.loop, 0.99))
    }
    if (process.env.SKYFOLIO_BENCH_DETAIL)
      console.log(JSON.stringify((probe as unknown as { detail: unknown[] }).detail, null, 0))
    printTable([result])
    const pass =
      result.long_tasks === 0 &&
      result.frame_p99_ms! <= 33 &&
      result.input_p99_ms! <= 50 &&
      result.loop_delay_p99_ms! <= 20
    if (!json)
      console.log(
        pass
          ? 'All targets met.'
          : 'Some targets missed (0 long tasks, frame p99 ≤ 33, input p99 ≤ 50, loop p99 ≤ 20).'
      )
    if (json) console.log(JSON.stringify(result))
  } finally {
    await browser.close()
    await host.stop()
    fixture.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error('bench:responsiveness failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
