import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { heicHead, photoPixels, writeJpeg } from '../test/support/test-images'
import { expect, test } from './fixtures/app'

const GOOD_LOCAL = 36
const GOOD_PNG = 2
const GOOD_URLS = 6
const BIG = 60

let dir = ''
let server: Server | null = null
let base = ''

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-library-'))
  const mixed = join(dir, 'Holiday 2024 — Été')
  mkdirSync(join(mixed, 'day two'), { recursive: true })
  for (let i = 0; i < GOOD_LOCAL; i++) {
    await writeJpeg(join(mixed, i % 2 ? 'day two' : '', `IMG_${1000 + i}.jpg`), {
      width: 1600 + (i % 5) * 100,
      height: 1100,
      seed: i,
      orientation: i % 6 === 0 ? 6 : undefined,
      date: `2024:07:${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`
    })
  }
  for (let i = 0; i < GOOD_PNG; i++)
    writeFileSync(join(mixed, `screenshot-${i}.png`), await photoPixels(800, 500, 40 + i))
  const good = await writeJpeg(join(dir, 'source.jpg'), { seed: 77 })
  writeFileSync(join(mixed, 'empty.jpg'), '')
  writeFileSync(join(mixed, 'notes-not-a-photo.jpg'), 'Meeting notes, saved with the wrong name.\n')
  writeFileSync(join(mixed, 'cut-short.jpg'), good.subarray(0, Math.floor(good.length / 2)))
  writeFileSync(join(mixed, 'IMG_2001.heic'), heicHead())
  writeFileSync(join(mixed, '.DS_Store'), 'junk')

  const big = join(dir, 'big import')
  mkdirSync(big)
  for (let i = 0; i < BIG; i++) {
    const noise = await sharp({
      create: {
        width: 300,
        height: 200,
        channels: 3,
        background: { r: 0, g: 0, b: 0 },
        noise: { type: 'gaussian', mean: 120, sigma: 50 }
      }
    })
      .png()
      .toBuffer()
    await sharp(noise)
      .resize(3000, 2000)
      .jpeg({ quality: 85 })
      .toFile(join(big, `scan-${i}.jpg`))
  }

  const served = await Promise.all(
    Array.from({ length: GOOD_URLS }, (_, i) => photoPixels(900, 600, 100 + i))
  )
  server = createServer((req, res) => {
    const m = /^\/img\/(\d+)\.jpg$/.exec(req.url ?? '')
    if (m && served[Number(m[1])]) {
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'image/png' }).end(served[Number(m[1])]),
        200
      )
    } else if (req.url === '/article.jpg') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Not an image</p>')
    } else res.writeHead(404).end()
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r) ?? r(undefined))
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function both(
  page: Page,
  shoot: (name: string) => Promise<string>,
  name: string
): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' })
  await shoot(`${name}-light`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(`${name}-dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}

test('imports a folder and a URL list: progress, grid, reasons for failures, lightbox', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(180_000)
  await library.open()
  await expect(library.emptyState).toBeVisible()
  await both(page, (n) => app.screenshot(n), 'library-empty')

  // Frames painted while the import runs, measured inside the page.
  await page.evaluate(() => {
    const w = window as unknown as { frameGaps: number[] }
    w.frameGaps = []
    let last = performance.now()
    const tick = (t: number): void => {
      w.frameGaps.push(t - last)
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })

  const urls = [
    ...Array.from({ length: GOOD_URLS }, (_, i) => `${base}/img/${i}.jpg`),
    `${base}/article.jpg`,
    `${base}/gone.jpg`
  ]
  await library.openUrlPanel()
  await library.urlList.fill([join(dir, 'Holiday 2024 — Été'), ...urls].join('\n'))
  await both(page, (n) => app.screenshot(n), 'library-url-panel')
  await library.startListImport()

  await expect(library.progress).toBeVisible()
  const first = await library.processed()
  await expect.poll(() => library.processed(), { timeout: 30_000 }).toBeGreaterThan(first)
  await both(page, (n) => app.screenshot(n), 'library-importing')
  await expect(library.progress).toBeHidden({ timeout: 90_000 })

  const expected = GOOD_LOCAL + GOOD_PNG + GOOD_URLS
  await expect(library.photoCount(`${expected} photos`)).toBeVisible()
  await expect(library.cells.first()).toBeVisible()
  await expect(library.loadedThumbnails.first()).toBeVisible({ timeout: 15_000 })
  expect(await library.thumbnails.count()).toBeLessThanOrEqual(400)

  await library.showFailures(/6 files could not be imported/)
  await expect(library.failure('empty.jpg')).toContainText('empty (0 bytes)')
  await expect(library.failure('notes-not-a-photo.jpg')).toContainText('not an image')
  await expect(library.failure('cut-short.jpg')).toContainText('truncated')
  await expect(library.failure('IMG_2001.heic')).toContainText('HEIC photos are not supported')
  await expect(library.failure('article.jpg')).toContainText('text/html')
  await expect(library.failure('gone.jpg')).toContainText('404')
  await expect(library.failure('cut-short.jpg').getByRole('button', { name: /Show/ })).toBeVisible()
  await both(page, (n) => app.screenshot(n), 'library-grid')

  // Lightbox: the 1440-px preview, facts, arrow keys, Escape.
  const lightbox = library.lightbox
  await library.openPhoto(0)
  await expect(lightbox.dialog).toBeVisible()
  await expect(lightbox.preview).toHaveAttribute('data-loaded', 'true', { timeout: 10_000 })
  expect(
    await lightbox.preview.evaluate((img: HTMLImageElement) =>
      Math.max(img.naturalWidth, img.naturalHeight)
    )
  ).toBeGreaterThan(256)
  await expect(lightbox.text('Taken')).toBeVisible()
  const name = await lightbox.title.textContent()
  await lightbox.next()
  await expect(lightbox.title).not.toHaveText(name ?? '')
  await expect(lightbox.text(`2 of ${expected}`)).toBeVisible()
  await expect(lightbox.preview).toHaveAttribute('data-loaded', 'true', { timeout: 10_000 })
  await both(page, (n) => app.screenshot(n), 'library-lightbox')
  await lightbox.close()
  await expect(lightbox.dialog).toBeHidden()

  // Filters narrow the grid.
  await library.filterByFormat('png')
  await expect(library.photoCount(`${GOOD_PNG + GOOD_URLS} photos`)).toBeVisible() // the served images are PNGs
  await library.clearFilters()
  await expect(library.photoCount(`${expected} photos`)).toBeVisible()

  const frames = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps)
  const sorted = [...frames].sort((a, b) => a - b)
  test.info().annotations.push({
    type: 'frames during import',
    description: `${frames.length} frames, p95 gap ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`
  })
  expect(frames.length).toBeGreaterThan(30) // the page kept painting throughout
})

test('a restart mid-import resumes with nothing lost and nothing twice', async ({
  app,
  libraryPage: library
}) => {
  test.setTimeout(180_000)
  await library.open()
  await library.importText(join(dir, 'big import'))
  await expect.poll(() => library.processed(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4)
  const before = await library.processed()
  expect(before).toBeLessThan(BIG)

  const again = await app.restart()
  await library.open()
  await expect(library.progress).toBeHidden({ timeout: 120_000 })
  await expect(library.photoCount(`${BIG} photos`)).toBeVisible()
  const result = await again.evaluate(async () => {
    const list = await window.api.invoke('library:list', { limit: 500 })
    const failures = await window.api.invoke('library:failures', {})
    return {
      names: list.ok ? list.value.items.map((i) => i.name) : [],
      failures: failures.ok ? failures.value.total : -1
    }
  })
  expect(result.names).toHaveLength(BIG)
  expect(new Set(result.names).size).toBe(BIG)
  expect(result.failures).toBe(0)
  await both(again, (n) => app.screenshot(n), 'library-resumed')
})
