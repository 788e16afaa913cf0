import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeJpeg } from '../test/support/test-images'
import { expect, test } from './fixtures/app'
import type { LibraryPage } from './pages/library-page'

// Three months in two years, newest first in the grid: July 2024, March 2024, November 2023.
const MONTHS = [
  { exif: '2024:07', label: 'July 2024', count: 24 },
  { exif: '2024:03', label: 'March 2024', count: 20 },
  { exif: '2023:11', label: 'November 2023', count: 16 }
]
const TOTAL = MONTHS.reduce((n, m) => n + m.count, 0)

let dir = ''

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-select-'))
  const folder = join(dir, 'Months')
  mkdirSync(folder)
  let seed = 0
  for (const m of MONTHS)
    for (let i = 0; i < m.count; i++) {
      const day = String(1 + (i % 27)).padStart(2, '0')
      await writeJpeg(join(folder, `${m.exif.replace(':', '-')}-${i}.jpg`), {
        width: 480,
        height: 320,
        seed: seed++,
        date: `${m.exif}:${day} 12:${String(i % 60).padStart(2, '0')}:00`
      })
    }
})

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function importMonths(library: LibraryPage): Promise<void> {
  await library.open()
  await library.importText(join(dir, 'Months'))
  await expect(library.progress).toBeHidden({ timeout: 90_000 })
  await expect(library.photoCount(`${TOTAL} photos`)).toBeVisible({ timeout: 15_000 })
}

test('multi-select: click, Shift+click, Ctrl/Cmd+click, Ctrl/Cmd+A, Escape; remove and undo', async ({
  page,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  await importMonths(library)

  // A plain click opens a photo while nothing is picked.
  await library.cell(0).click()
  await expect(library.lightbox.dialog).toBeVisible()
  await library.lightbox.close()

  await library.select(0)
  await expect(library.selectedCount('1 photo selected')).toBeVisible()
  await library.shiftClick(4)
  await expect(library.selectedCount('5 photos selected')).toBeVisible()
  await library.ctrlClick(2)
  await expect(library.selectedCount('4 photos selected')).toBeVisible()
  await expect(library.selectedCells).toHaveCount(4)
  const picked = await library.selectedCells.getByRole('button').first().getAttribute('aria-label')

  await library.removeSelected()
  await expect(library.undoNotice).toContainText('Moved 4 photos to the Trash.')
  await expect(library.photoCount(`${TOTAL - 4} photos`)).toBeVisible()
  await expect(library.selectionBar).toBeHidden()
  await expect(library.tab('Trash')).toContainText('4')

  // Ctrl/Cmd+Z puts them back exactly where they were.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(library.photoCount(`${TOTAL} photos`)).toBeVisible()
  await expect(library.undoNotice).toBeHidden()
  await expect(library.grid.getByRole('button', { name: picked ?? '', exact: true })).toBeVisible()

  // Select all reaches every photo, not only the ones drawn; Escape lets go.
  await library.cell(0).focus()
  await page.keyboard.press('ControlOrMeta+a')
  await expect(library.selectedCount(`${TOTAL} photos selected`)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(library.selectionBar).toBeHidden()

  // Delete in the lightbox goes the same way: to the Trash, with Undo (the button this time).
  await library.cell(1).click()
  const name = (await library.lightbox.title.textContent()) ?? ''
  await library.lightbox.remove()
  await expect(library.undoNotice).toContainText(`Moved ${name} to the Trash.`)
  await expect(
    library.lightbox.text(`1 of ${TOTAL - 1}`).or(library.lightbox.text(`2 of ${TOTAL - 1}`))
  ).toBeVisible()
  await library.lightbox.close()
  await library.undo()
  await expect(library.photoCount(`${TOTAL} photos`)).toBeVisible()
})

test('the Trash restores, empties after a confirmation, and system trash is refused clearly in the browser', async ({
  app,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  await importMonths(library)

  await library.select(0)
  await library.shiftClick(2)
  await library.removeSelected()
  await expect(library.photoCount(`${TOTAL - 3} photos`)).toBeVisible()
  await library.undoNotice.getByRole('button', { name: 'Dismiss' }).click()

  await library.tab('Trash').click()
  await expect(library.trashCells).toHaveCount(3)
  await library.trashCells.nth(0).getByRole('button').first().click()
  await expect(library.selectedCount('1 photo selected')).toBeVisible()
  await library.selectionBar.getByRole('button', { name: 'Restore' }).click()
  await expect(library.trashCells).toHaveCount(2)

  await library.page.getByRole('button', { name: 'Empty Trash…' }).click()
  await expect(library.confirmation).toContainText('Empty the Trash (2 photos)?')
  await library.confirmation.getByRole('button', { name: 'Empty Trash' }).click()
  await expect(library.page.getByText('The Trash is empty')).toBeVisible()

  await library.tab('Photos').click()
  await expect(library.photoCount(`${TOTAL - 2} photos`)).toBeVisible()

  await library.select(0)
  await library.moveSelectedFilesToSystemTrash()
  await expect(library.confirmation).toContainText('Move 1 file to the system trash?')
  await library.confirmation
    .getByRole('button', { name: 'Move 1 file to the system trash' })
    .click()
  if (app.mode === 'headless')
    await expect(library.page.getByRole('alert')).toContainText(
      'not available in the browser version'
    )
  else await expect(library.photoCount(`${TOTAL - 3} photos`)).toBeVisible()
})

test('month sections with sticky headers, and the timeline jumps to a month', async ({
  page,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  await importMonths(library)

  await expect(library.monthHeader('July 2024')).toBeVisible()
  await expect(library.timeline).toBeVisible()
  for (const m of MONTHS) await expect(library.timelineMonth(m.label)).toHaveCount(1)
  await expect(library.timelineMonth('November 2023')).toHaveAccessibleName(/16 photos/)

  await library.timelineMonth('November 2023').click()
  const header = library.monthHeader('November 2023')
  await expect(header).toBeInViewport()
  await expect
    .poll(async () => {
      const [grid, row] = await Promise.all([library.grid.boundingBox(), header.boundingBox()])
      return row && grid ? Math.round(row.y - grid.y) : -1
    })
    .toBeLessThan(48)
  await expect(library.monthHeader('July 2024')).not.toBeInViewport()

  // Sorting by name has no months: plain rows, no scrubber.
  await library.sortBy('Name')
  await expect(library.timeline).toBeHidden()
  await expect(library.page.getByRole('button', { name: /A to Z; switch to Z to A/ })).toBeVisible()
  await library.sortBy('Date taken')
  await expect(library.page.getByRole('button', { name: /newest first; switch/ })).toBeVisible()

  // The thumbnail size is remembered.
  const before = await library.cells.first().boundingBox()
  await page.keyboard.press('ControlOrMeta+Equal')
  await expect
    .poll(async () => (await library.cells.first().boundingBox())?.width ?? 0)
    .toBeGreaterThan(before?.width ?? 0)
  const size = await library.sizeSlider.inputValue()
  await page.getByRole('button', { name: 'Weather', exact: true }).click()
  await library.open()
  await expect(library.sizeSlider).toHaveValue(size)
})

test('screenshots: grid, selection, Trash, lightbox and timeline, light and dark, three sizes', async ({
  page,
  app,
  libraryPage: library
}) => {
  test.setTimeout(240_000)
  await importMonths(library)
  await library.select(0)
  await library.shiftClick(1)
  await library.removeSelected()
  await library.undoNotice.getByRole('button', { name: 'Dismiss' }).click()
  const shoot = async (name: string): Promise<void> => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`${name}-${scheme}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  for (const [w, h] of [
    [900, 600],
    [1280, 800],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    const at = `${w}x${h}`
    await library.tab('Photos').click()
    await expect(library.loadedThumbnails.first()).toBeVisible()
    await shoot(`library-grid-${at}`)
    await library.openFilters()
    await shoot(`library-filters-${at}`)
    await page.keyboard.press('Escape')
    await library.select(0)
    await library.shiftClick(3)
    await expect(library.selectionBar).toBeVisible()
    await shoot(`library-selection-${at}`)
    await library.moveSelectedFilesToSystemTrash()
    await shoot(`library-confirm-files-${at}`)
    await library.confirmation.getByRole('button', { name: 'Cancel' }).click()
    await page.keyboard.press('Escape')
    // The timeline: scrolled into March, the pointer over the scrubber.
    await library.timelineMonth('March 2024').click()
    const strip = await library.timeline.boundingBox()
    if (strip) await page.mouse.move(strip.x + strip.width / 2, strip.y + strip.height * 0.6)
    await shoot(`library-timeline-${at}`)
    await library.cell(0).click()
    await expect(library.lightbox.preview).toHaveAttribute('data-loaded', 'true', {
      timeout: 10_000
    })
    await shoot(`library-lightbox-${at}`)
    await library.lightbox.zoom.getByRole('button', { name: '100 %' }).click()
    await shoot(`library-lightbox-100-${at}`)
    await library.lightbox.close()
    await library.tab('Trash').click()
    await expect(library.trashCells.first()).toBeVisible()
    await shoot(`library-trash-${at}`)
  }
})
