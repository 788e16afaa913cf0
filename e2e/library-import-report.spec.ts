import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { writeJpeg } from '../test/support/test-images'
import { expect, test, type AppHandle } from './fixtures/app'
import type { LibraryPage } from './pages/library-page'

// Big, noisy files: each takes real work to decode, so an import lasts long enough to pause.
const BIG = 32
const SMALL = 12

let dir = ''

test.beforeAll(async () => {
  test.setTimeout(180_000)
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-report-'))
  const big = join(dir, 'big import')
  mkdirSync(big)
  const noise = await sharp({
    create: {
      width: 400,
      height: 300,
      channels: 3,
      background: { r: 0, g: 0, b: 0 },
      noise: { type: 'gaussian', mean: 120, sigma: 50 }
    }
  })
    .png()
    .toBuffer()
  for (let i = 0; i < BIG; i++) {
    // Each file different (a distinct tint), so none is an exact copy of another.
    await sharp(noise)
      .resize(3000, 2000)
      .tint({ r: 40 + ((i * 37) % 200), g: 60 + ((i * 53) % 180), b: 90 + ((i * 71) % 160) })
      .jpeg({ quality: 85 })
      .toFile(join(big, `scan-${String(i).padStart(3, '0')}.jpg`))
  }
  const small = join(dir, 'Weekend')
  mkdirSync(small)
  for (let i = 0; i < SMALL; i++)
    await writeJpeg(join(small, `IMG_${3000 + i}.jpg`), { width: 640, height: 480, seed: 500 + i })
})

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const sizes = [
  [900, 600],
  [1280, 800],
  [1920, 1080]
] as const

/** Screenshots at the three sizes in light and dark, failing on sideways overflow. */
async function shootAll(page: Page, app: AppHandle, name: string): Promise<void> {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`${name}-${width}x${height}-${scheme}`)
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
      expect(sideways, `${name} at ${width}×${height} overflows sideways`).toBeLessThanOrEqual(0)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

interface Seen {
  phase?: string
  state: string
  discovered: number
  settled: number
  previewsDone?: number
  previewsTotal?: number
}

/** Records every progress event the window receives, in order. */
async function recordProgress(page: Page): Promise<() => Promise<Seen[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { seenProgress: Seen[] }
    w.seenProgress = []
    window.api.on('library:progress', (p) =>
      w.seenProgress.push({
        phase: p.phase,
        state: p.state,
        discovered: p.discovered,
        settled: p.done + p.failed + p.skipped,
        previewsDone: p.previewsDone,
        previewsTotal: p.previewsTotal
      })
    )
  })
  return () => page.evaluate(() => (window as unknown as { seenProgress: Seen[] }).seenProgress)
}

/** Photos of the grid's first screen whose thumbnail has loaded while their preview waits. */
async function thumbnailsWithoutPreview(page: Page, library: LibraryPage): Promise<string[]> {
  const photos = await page.evaluate(async () => {
    const list = await window.api.invoke('library:list', { limit: 40 })
    if (!list.ok) throw new Error(list.error.message)
    const out: { name: string; previewPending: boolean }[] = []
    for (const item of list.value.items) {
      const detail = await window.api.invoke('library:photo', { id: item.id })
      if (!detail.ok) throw new Error(detail.error.message)
      out.push({ name: item.name, previewPending: detail.value.previewPending === true })
    }
    return out
  })
  const shown: string[] = []
  for (const photo of photos.filter((p) => p.previewPending)) {
    const cell = library.grid.getByRole('button', { name: photo.name, exact: true })
    if ((await cell.locator('img[data-loaded="true"]').count()) > 0) shown.push(photo.name)
  }
  return shown
}

test('the grid fills with thumbnails before any preview is made', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(600_000)
  await library.open()
  const seen = await recordProgress(page)
  await library.importText(join(dir, 'big import'))

  // Phase 1: the bar follows the thumbnails. Paused as soon as every file is found, only the
  // files already handed to the workers finish, and previews wait for the batch's last
  // thumbnail: photos are in the grid with their previews still to come.
  await expect(library.phase).toContainText(`of ${BIG}`, { timeout: 120_000 })
  await expect(library.phase).toContainText(/Thumbnails\s*[\d,]+ of/)
  await library.pause()
  await expect(library.loadedThumbnails.first()).toBeVisible({ timeout: 180_000 })
  await expect
    .poll(() => thumbnailsWithoutPreview(page, library).then((n) => n.length), { timeout: 60_000 })
    .toBeGreaterThan(0)
  await shootAll(page, app, 'import-thumbnails')

  // Phase 2 only once every thumbnail of the batch is in: the panel says so, quieter. On a fast
  // machine the previews may all be made before a look catches them; the events below still
  // tell the order.
  await library.resume()
  let stage = 'thumbnails'
  await expect
    .poll(
      async () => {
        if (!(await library.progress.isVisible())) stage = 'ended'
        else if (
          /Previews/.test(
            (await library.phase.textContent({ timeout: 1000 }).catch(() => '')) ?? ''
          )
        )
          stage = 'previews'
        return stage
      },
      { timeout: 300_000, intervals: [100] }
    )
    .not.toBe('thumbnails')
  const caught =
    stage === 'previews' &&
    (await library.pause().then(
      () => true,
      () => false
    ))
  if (caught) {
    await expect(library.progress).toContainText('photos are already in the grid')
    await expect(library.photoCount(`${BIG} photos`)).toBeVisible({ timeout: 60_000 })
    await shootAll(page, app, 'import-previews')
    await library.resume()
  } else {
    test.info().annotations.push({ type: 'previews', description: 'not caught on screen' })
    const resume = library.progress.getByRole('button', { name: 'Resume' })
    if (await resume.isVisible()) await resume.click()
  }
  await expect(library.progress).toBeHidden({ timeout: 300_000 })

  // What the window was told, in order: no preview was counted before the last thumbnail, and
  // the previews phase was reported while previews were still to come.
  const events = await seen()
  const previews = events.filter((e) => e.phase === 'previews')
  expect(previews.length).toBeGreaterThan(0)
  for (const e of previews) expect(e.settled).toBe(e.discovered)
  expect(previews.some((e) => (e.previewsDone ?? 0) < (e.previewsTotal ?? 0))).toBe(true)
  const firstPreview = events.findIndex((e) => e.phase === 'previews')
  expect(events.slice(0, firstPreview).every((e) => (e.previewsDone ?? 0) === 0)).toBe(true)

  await expect(library.summary).toContainText(`Import finished: ${BIG} photos added`, {
    timeout: 60_000
  })
  expect(await thumbnailsWithoutPreview(page, library)).toEqual([])
})

test('re-importing a folder: every file already in your library, none failed, all adding up', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(400_000)
  await library.open()
  const folder = join(dir, 'Weekend')

  await library.importText(folder)
  await expect(library.progress).toBeHidden({ timeout: 180_000 })
  await expect(library.summary).toContainText(`Import finished: ${SMALL} photos added`, {
    timeout: 30_000
  })
  expect(await library.summaryFound()).toBe(SMALL)
  expect(await library.summaryParts()).toEqual({
    Added: SMALL,
    'Already in your library': 0,
    'Not supported': 0,
    Failed: 0
  })

  await library.importText(folder)
  await expect(library.summary).toContainText(
    `Import finished: all ${SMALL} already in your library`,
    { timeout: 180_000 }
  )
  await expect(library.progress).toBeHidden({ timeout: 60_000 })
  const parts = await library.summaryParts()
  expect(parts['Already in your library']).toBe(SMALL)
  expect(parts.Failed).toBe(0)
  expect(parts.Added).toBe(0)
  const found = await library.summaryFound()
  expect(found).toBe(SMALL)
  expect(Object.values(parts).reduce((n, c) => n + c, 0)).toBe(found)
  // Nothing is listed as "could not be imported".
  await expect(library.failuresButton).toBeHidden()
  // The first import's report is grouped under the latest one.
  await expect(library.earlierImports).toHaveText(/1 earlier import/)
  await library.earlierImports.click()
  await expect(library.summary.getByRole('list', { name: 'Earlier imports' })).toContainText(
    `${SMALL} found: ${SMALL} added`
  )
  await shootAll(page, app, 'import-summary')

  await library.dismissSummary()
  // The earlier one is the latest left; dismissed too, the card is gone.
  await expect(library.summary).toContainText(`Import finished: ${SMALL} photos added`)
  await library.dismissSummary()
  await expect(library.summary).toBeHidden()
})

test('cancel leaves a summary: what was not processed, adding up to the files found', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(400_000)
  await library.open()
  await library.importText(join(dir, 'big import'))
  // Every file found, most still to do.
  await expect(library.phase).toContainText(`of ${BIG}`, { timeout: 120_000 })
  await library.cancel()

  await expect(library.progress).toBeHidden({ timeout: 120_000 })
  await expect(library.summary).toContainText(/Cancelled: [\d,]+ not processed/, {
    timeout: 60_000
  })
  const parts = await library.summaryParts()
  const found = await library.summaryFound()
  expect(found).toBe(BIG)
  expect(parts['Not processed']).toBeGreaterThan(0)
  expect(parts.Failed).toBe(0)
  expect(Object.values(parts).reduce((n, c) => n + c, 0)).toBe(found)
  await shootAll(page, app, 'import-cancelled')
})
