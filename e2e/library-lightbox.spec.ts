import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import {
  canonCameraTags,
  canonExposureTags,
  scenePixels,
  writeJpeg
} from '../test/support/test-images'
import { expect, test } from './fixtures/app'

// The lightbox's facts from EXIF (exposure, GPS) and its full-size preview while an import is
// still making previews.

const BIG = 16
const sizes = [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
] as const

let dir = ''

/** "2024:06:29 23:00:00", as cameras write it. */
const exifDate = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 19).replace(/-/g, ':').replace('T', ' ')

test.beforeAll(async () => {
  test.setTimeout(240_000)
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-lightbox-'))
  const facts = join(dir, 'Facts')
  mkdirSync(facts)
  await sharp(await scenePixels(1600, 1067, 5))
    .jpeg({ quality: 88 })
    .withExif({
      IFD0: canonCameraTags,
      IFD2: { DateTimeOriginal: '2024:07:02 10:00:00', ...canonExposureTags },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 3240/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4000/100'
      }
    })
    .toFile(join(facts, 'canon.jpg'))
  // Older in the grid (taken a day before): no exposure tags at all.
  await writeJpeg(join(facts, 'plain.jpg'), {
    width: 1200,
    height: 800,
    date: '2024:07:01 10:00:00'
  })

  // Big files: their previews (phase 2) wait behind the batch's thumbnails (phase 1).
  const big = join(dir, 'Big')
  mkdirSync(big)
  for (let i = 0; i < BIG; i++)
    await sharp(await scenePixels(600, 400, 100 + i))
      .resize(3000, 2000)
      .jpeg({ quality: 90 })
      .withExif({ IFD2: { DateTimeOriginal: exifDate(Date.UTC(2024, 5, 1) + i * 3_600_000) } })
      .toFile(join(big, `scan-${String(i).padStart(2, '0')}.jpg`))
})

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Elements wider than their box in the open dialog (no sideways scrolling anywhere). */
const overflows = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="dialog"], [role="dialog"] aside')].flatMap((el) =>
      el.scrollWidth > el.clientWidth + 1
        ? [`${el.tagName} ${el.scrollWidth}>${el.clientWidth}`]
        : []
    )
  )

/** Serious or critical WCAG 2.1 AA findings inside the open dialog. */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('the lightbox shows exposure and GPS from EXIF, and nothing for a photo without them', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  await library.open()
  await library.importText(join(dir, 'Facts'))
  await expect(library.cells).toHaveCount(2, { timeout: 120_000 })
  await expect(library.progress).toBeHidden({ timeout: 120_000 })

  const lightbox = library.lightbox
  await library.openPhoto(0)
  await expect(lightbox.title).toHaveText('canon.jpg')
  await expect(lightbox.fact('Exposure')).toHaveText(
    '1/250 s · f/2.8 · ISO 200 · 35 mm · Canon EF 24-70mm f/2.8L II USM'
  )
  await expect(lightbox.fact('Camera')).toHaveText('Canon EOS R5')
  await expect(lightbox.fact('Location')).toContainText('48.85900, 2.29444')
  await expect(lightbox.mapLink).toHaveAttribute('href', /mlat=48\.859000&mlon=2\.294444/)
  await expect(lightbox.preview).toHaveAttribute('data-loaded', 'true', { timeout: 60_000 })

  const failures: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const size of sizes) {
      await page.setViewportSize(size)
      await expect(lightbox.fact('Exposure')).toBeVisible()
      await app.screenshot(`lightbox-exposure-${size.width}x${size.height}-${scheme}`)
      failures.push(...(await overflows(page)).map((o) => `${size.width} ${scheme}: ${o}`))
      if (size.width === 1280)
        failures.push(...(await axeFindings(page)).map((f) => `${scheme}: ${f}`))
    }
  }
  expect(failures).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })

  // A photo whose EXIF has none of it: no exposure row at all, no empty line.
  await lightbox.next()
  await expect(lightbox.title).toHaveText('plain.jpg')
  await expect(lightbox.fact('Camera')).toHaveText('Skyfolio Test Camera')
  await expect(lightbox.fact('Exposure')).toHaveCount(0)
})

test('a photo opened before its preview is made says so, gets it first, and swaps to it', async ({
  app,
  libraryPage: library
}) => {
  test.setTimeout(420_000)
  await library.open()
  await library.importText(join(dir, 'Big'))
  // Paused once every file is found: the files already with the workers finish phase 1, and no
  // preview is made while paused, so the photo opened below still waits for its preview on any
  // machine, however fast.
  await expect(library.phase).toContainText(`of ${BIG}`, { timeout: 120_000 })
  await library.pause()
  await expect(library.loadedThumbnails.first()).toBeVisible({ timeout: 180_000 })
  // The oldest photo in so far (the last cell): the batch's later files are read in no set
  // order, and those taken after it land above it.
  await library.openPhoto((await library.cells.count()) - 1)
  const lightbox = library.lightbox
  const name = (await lightbox.title.textContent())!
  await expect(
    lightbox.dialog.getByText(/^The full-size preview will be made when the import resumes\./)
  ).toBeVisible({ timeout: 30_000 })
  await app.screenshot('lightbox-preview-pending')
  expect(await axeFindings(app.page)).toEqual([])

  // Resumed: the opened photo's preview was asked for, so it comes ahead of the rest, and the
  // open lightbox swaps to it — still on the same photo while newer ones land above it.
  // (The lightbox is modal over the panel's Resume button: resumed the way the panel does it.)
  await app.page.evaluate(() => window.api.invoke('library:resume', {}))
  await expect
    .poll(
      () =>
        lightbox.preview.evaluate((img: HTMLImageElement) =>
          img.dataset.loaded === 'true' ? Math.max(img.naturalWidth, img.naturalHeight) : 0
        ),
      { timeout: 180_000 }
    )
    .toBe(1440)
  await expect(lightbox.title).toHaveText(name)
  await expect(lightbox.dialog.getByText(/full-size preview/)).toHaveCount(0)
  // The rest of the batch lands, newer photos above this one: the lightbox stays on it.
  await expect(library.progress).toBeHidden({ timeout: 180_000 })
  await expect(library.photoCount(`${BIG} photos`)).toBeAttached({ timeout: 30_000 })
  await expect(lightbox.title).toHaveText(name)
})
