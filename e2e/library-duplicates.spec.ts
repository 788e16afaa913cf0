import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { scenePixels } from '../test/support/test-images'
import { expect, test } from './fixtures/app'
import { repoRoot } from './fixtures/runtime'
import { DuplicatesPage } from './pages/duplicates-page'
import type { LibraryPage } from './pages/library-page'

// Two pictures, each with a smaller recompressed copy, and a third picture on its own.
const PHOTOS = 5
const shotDir = join(repoRoot, 'test-results/screens')
let dir = ''

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-duplicates-'))
  const folder = join(dir, 'Trip')
  mkdirSync(folder)
  for (const [name, seed] of [
    ['beach', 1],
    ['forest', 2]
  ] as const) {
    const original = await sharp(await scenePixels(1600, 1100, seed))
      .jpeg({ quality: 90 })
      .toBuffer()
    writeFileSync(join(folder, `${name}.jpg`), original)
    await sharp(original)
      .resize(800)
      .jpeg({ quality: 60 })
      .toFile(join(folder, `${name}-small.jpg`))
  }
  await sharp(await scenePixels(1600, 1100, 3))
    .jpeg({ quality: 90 })
    .toFile(join(folder, 'lake.jpg'))
})

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function importTrip(library: LibraryPage): Promise<void> {
  await library.open()
  await library.importText(join(dir, 'Trip'))
  // The count first: right after the request the progress panel may not show yet.
  await expect(photoTotal(library, PHOTOS)).toBeVisible({ timeout: 240_000 })
  await expect(library.progress).toBeHidden({ timeout: 240_000 })
}

/** The toolbar's count ("5 photos"), not an import summary's words. */
const photoTotal = (library: LibraryPage, n: number): Locator =>
  library.page.getByText(`${n} photos`, { exact: true })

/** Copies are paired just after an import ends; the tab hears when they are. */
async function openWithGroups(duplicates: DuplicatesPage, count: number): Promise<void> {
  await duplicates.open()
  await expect(duplicates.groups).toHaveCount(count, { timeout: 120_000 })
}

test('duplicate review: keep one (to the Trash, with Undo), not duplicates (remembered), all by keys too', async ({
  app,
  page,
  libraryPage: library
}) => {
  test.setTimeout(480_000)
  const duplicates = new DuplicatesPage(app)
  await importTrip(library)
  await openWithGroups(duplicates, 2)
  await expect(duplicates.tab).toContainText('4')
  await expect(duplicates.keysHint).toBeVisible()

  // Side by side, the largest suggested, with what tells the copies apart.
  const beach = duplicates.groupWith('beach.jpg')
  await expect(duplicates.tiles(beach)).toHaveCount(2)
  await expect(duplicates.suggested(beach)).toHaveAccessibleName(/^beach\.jpg, suggested/)
  const best = duplicates.tile('beach.jpg')
  await expect(best).toContainText('1,600 × 1,100')
  await expect(best).toContainText('JPEG')
  await expect(best).toContainText('Trip')
  await expect(duplicates.tile('beach-small.jpg')).toContainText('800 × 550')
  await expect(duplicates.tile('lake.jpg')).toHaveCount(0)

  // Keys: → moves to the other photo, ← back; K keeps the focused one.
  await best.focus()
  await page.keyboard.press('ArrowRight')
  await expect(duplicates.tile('beach-small.jpg')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(best).toBeFocused()
  await page.keyboard.press('k')
  await expect(library.undoNotice).toContainText('Moved 1 duplicate of beach.jpg to the Trash.')
  await expect(beach).toHaveCount(0)
  await expect(duplicates.groups).toHaveCount(1)
  // The keys' place moved on to the next group.
  await expect(duplicates.tiles(duplicates.groups.first()).first()).toBeFocused()
  await expect(library.tab('Trash')).toContainText('1')

  // Undo puts the other copy back, and the group with it.
  await library.undo()
  await expect(duplicates.groups).toHaveCount(2)
  await expect(duplicates.tile('beach-small.jpg')).toBeVisible()
  await expect(library.tab('Trash')).not.toContainText('1')

  // Not duplicates: the group leaves, and stays gone after a reload.
  const forest = duplicates.groupWith('forest.jpg')
  await duplicates.notDuplicates(forest)
  await expect(forest).toHaveCount(0)
  await expect(duplicates.pane.getByRole('status')).toContainText(
    'Remembered: 2 photos are not duplicates.'
  )
  await expect(duplicates.tab).toContainText('2')
  await page.reload()
  await library.open()
  await openWithGroups(duplicates, 1)
  await expect(duplicates.groupWith('beach.jpg')).toHaveCount(1)
  await expect(duplicates.tile('forest.jpg')).toHaveCount(0)

  // "Keep this one" by its button, on the smaller copy; the review is empty then.
  await duplicates.keep('beach-small.jpg')
  await expect(library.undoNotice).toContainText('Moved 1 duplicate of beach-small.jpg')
  await expect(duplicates.emptyState).toBeVisible()
  await library.tab('Photos').click()
  await expect(photoTotal(library, PHOTOS - 1)).toBeVisible()
  await expect(library.grid.getByRole('button', { name: 'beach.jpg', exact: true })).toHaveCount(0)
})

test('"N similar photos" in the lightbox opens that photo\'s group, its tile focused', async ({
  app,
  page,
  libraryPage: library
}) => {
  test.setTimeout(480_000)
  const duplicates = new DuplicatesPage(app)
  await importTrip(library)
  // The pairs are made once the import ends.
  await expect(duplicates.tab).toContainText('4', { timeout: 120_000 })

  await library.tab('Photos').click()
  await library.grid.getByRole('button', { name: 'forest-small.jpg', exact: true }).click()
  await expect(library.lightbox.dialog).toBeVisible()
  await library.lightbox.fact('Duplicates').getByRole('button', { name: '1 similar photo' }).click()
  await expect(library.lightbox.dialog).toBeHidden()
  await expect(duplicates.pane).toBeVisible()
  await expect(duplicates.groups).toHaveCount(1)
  await expect(duplicates.tile('forest-small.jpg')).toBeFocused()
  await expect(duplicates.tile('forest.jpg')).toBeVisible()

  // N on the keys: remembered, and the whole review shows.
  await page.keyboard.press('n')
  await expect(duplicates.showEveryGroup).toBeHidden()
  await expect(duplicates.groups).toHaveCount(1)
  await expect(duplicates.tile('beach.jpg')).toBeVisible()
  await expect(duplicates.tile('forest.jpg')).toHaveCount(0)
})

/** Elements wider than their box: the document, and every main region. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    document.querySelectorAll('html, body, main, [role="tabpanel"]').forEach((el) => {
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}: ${el.scrollWidth} > ${el.clientWidth}`)
    })
    return out
  })
}

test('the review fits 900×600, 1280×800 and 1920×1080, light and dark', async ({
  app,
  page,
  shell,
  libraryPage: library
}) => {
  test.setTimeout(480_000)
  const duplicates = new DuplicatesPage(app)
  await importTrip(library)
  await openWithGroups(duplicates, 2)
  const failures: string[] = []
  for (const scheme of ['light', 'dark'] as const) {
    await shell.chooseAppearance(scheme === 'light' ? 'Light' : 'Dark')
    for (const size of [
      { width: 900, height: 600 },
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 }
    ]) {
      await page.setViewportSize(size)
      await duplicates.tile('beach.jpg').focus()
      await expect(duplicates.tile('beach.jpg').locator('img')).toHaveAttribute(
        'data-loaded',
        'true'
      )
      const file = `duplicates-${size.width}x${size.height}-${scheme}.png`
      await page.screenshot({ path: join(shotDir, file) })
      for (const o of await overflows(page)) failures.push(`${file}: ${o}`)
    }
  }
  expect(failures).toEqual([])
})
