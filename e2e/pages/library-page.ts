import { isAbsolute } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

/** One photo large, with its facts; arrow keys browse, Escape closes. */
export class Lightbox {
  constructor(private readonly app: AppWindow) {}

  get dialog(): Locator {
    return this.app.page.getByRole('dialog')
  }
  /** The large preview; data-loaded="true" once it has loaded (it fades in then). */
  get preview(): Locator {
    return this.dialog.getByRole('img')
  }
  get title(): Locator {
    return this.dialog.getByRole('heading')
  }
  text(text: string): Locator {
    return this.dialog.getByText(text)
  }
  async next(): Promise<void> {
    await this.app.page.keyboard.press('ArrowRight')
  }
  async close(): Promise<void> {
    await this.app.page.keyboard.press('Escape')
  }
  async remove(): Promise<void> {
    await this.app.page.keyboard.press('Delete')
  }
  get zoom(): Locator {
    return this.dialog.getByRole('group', { name: 'Zoom' })
  }
  get mapLink(): Locator {
    return this.dialog.getByRole('link', { name: 'Open in OpenStreetMap' })
  }
  /** A fact's value in the details list, by its term ("Exposure", "Camera", "Location"). */
  fact(term: string): Locator {
    return this.dialog
      .locator('dt', { hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]')
  }
}

/** The photo library: import (dialog, URL/path list, drop), progress, failures, grid, filters. */
export class LibraryPage {
  readonly lightbox: Lightbox

  constructor(private readonly app: AppWindow) {
    this.lightbox = new Lightbox(app)
  }

  get page(): Page {
    return this.app.page
  }
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Library', exact: true }).click()
    await expect(this.page.getByRole('main', { name: 'Library' })).toBeVisible()
  }
  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'Your library is empty' })
  }
  /** The count of photos shown, e.g. "44 photos". */
  photoCount(text: string): Locator {
    // Exact: an import's summary ("Import finished: 6 photos added") says it too.
    return this.page.getByText(text, { exact: true })
  }

  // Import from a list of URLs or paths
  get urlPanel(): Locator {
    return this.page.getByRole('region', { name: 'Import from URLs or paths' })
  }
  get urlList(): Locator {
    return this.urlPanel.getByRole('textbox')
  }
  async openUrlPanel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add from URLs or paths' }).click()
  }
  async startListImport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import list' }).click()
  }
  /** Opens the URL/path panel if needed, types the list and imports it. */
  async importText(text: string): Promise<void> {
    const lines = text.split('\n').map((line) => line.trim())
    const paths = lines.filter((line) => isAbsolute(line))
    if (paths.length && (await this.app.stubOpenDialog?.(paths))) {
      // The desktop app takes paths only from its dialog: choose them there, type the rest.
      await this.page.getByRole('button', { name: 'Add photos…' }).click()
      const rest = lines.filter((line) => line && !isAbsolute(line))
      if (!rest.length) return
      text = rest.join('\n')
    }
    if (!(await this.urlPanel.isVisible())) await this.openUrlPanel()
    await this.urlList.fill(text)
    await this.urlPanel.getByRole('button', { name: 'Import list' }).click()
  }

  // Progress
  get progress(): Locator {
    return this.page.getByRole('region', { name: 'Import progress' })
  }
  /**
   * Files of the running import through phase 1 (added with a thumbnail, failed or skipped);
   * -1 when no import shows.
   */
  async processed(): Promise<number> {
    if (!(await this.progress.isVisible())) return -1
    const count = async (term: string): Promise<number> => {
      const dd = this.progress
        .locator('dl > div')
        .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
        .getByRole('definition')
      const text = await dd.textContent({ timeout: 2000 }).catch(() => null)
      return text === null ? 0 : Number(text.replace(/[^0-9]/g, ''))
    }
    return (await count('Added')) + (await count('Failed')) + (await count('Skipped'))
  }
  /** The line of the running phase: "Thumbnails 12 of 60", "Previews 3 of 60", "Finding photos…". */
  get phase(): Locator {
    return this.progress.locator('[data-phase]')
  }
  async pause(): Promise<void> {
    await this.progress.getByRole('button', { name: 'Pause' }).click()
    await expect(this.progress.getByText('Import paused')).toBeVisible({ timeout: 30_000 })
  }
  async resume(): Promise<void> {
    await this.progress.getByRole('button', { name: 'Resume' }).click()
  }
  async cancel(): Promise<void> {
    await this.progress.getByRole('button', { name: 'Cancel' }).click()
  }

  // Batch summaries: how each import ended
  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Import summary' })
  }
  /** The latest batch's count for one part, e.g. "Already in your library". */
  async summaryCount(part: string): Promise<number> {
    const dd = this.summary
      .locator('dl > div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${part}$`) }) })
      .getByRole('definition')
    return Number(((await dd.textContent()) ?? '').replace(/[^0-9]/g, ''))
  }
  /** Every part of the latest batch's summary by its label. */
  async summaryParts(): Promise<Record<string, number>> {
    const rows = this.summary.locator('dl > div')
    const out: Record<string, number> = {}
    for (let i = 0; i < (await rows.count()); i++) {
      const term = (await rows.nth(i).getByRole('term').textContent()) ?? ''
      const value = (await rows.nth(i).getByRole('definition').textContent()) ?? ''
      out[term] = Number(value.replace(/[^0-9]/g, ''))
    }
    return out
  }
  /** "… · 60 files found" in the latest batch's head. */
  async summaryFound(): Promise<number> {
    const text = (await this.summary.getByText(/ files? found$/).textContent()) ?? ''
    return Number((/([\d,.]+) files? found$/.exec(text)?.[1] ?? '').replace(/[^0-9]/g, ''))
  }
  async dismissSummary(): Promise<void> {
    await this.summary.getByRole('button', { name: 'Dismiss', exact: true }).click()
  }
  get earlierImports(): Locator {
    return this.summary.getByRole('button', { name: /earlier imports?/ })
  }

  // Failures
  get failures(): Locator {
    return this.page.getByRole('region', { name: 'Files not imported' })
  }
  /** The toolbar's "Not imported" button, which opens the failure list. */
  get failuresButton(): Locator {
    return this.page.getByRole('button', { name: /^Not imported/ })
  }
  get failureItems(): Locator {
    return this.failures.getByRole('listitem')
  }
  failure(name: string): Locator {
    return this.failureItems.filter({ hasText: name })
  }
  /** Opens the toolbar's failure panel and checks its summary line. */
  async showFailures(summary: RegExp): Promise<void> {
    if (!(await this.failures.isVisible())) await this.failuresButton.click()
    await expect(this.failures.getByRole('button', { name: summary })).toBeVisible()
  }

  // Grid and filters
  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Photos' })
  }
  get cells(): Locator {
    return this.grid.getByRole('gridcell')
  }
  /** Thumbnails in the DOM (only the rows on screen, plus a few, exist). */
  get thumbnails(): Locator {
    return this.grid.locator('img')
  }
  /** Thumbnails that have loaded and show over their placeholder. */
  get loadedThumbnails(): Locator {
    return this.grid.locator('img[data-loaded="true"]')
  }
  async openPhoto(n: number): Promise<void> {
    await this.cell(n).click()
  }
  /** The photo button of the n-th cell drawn. */
  cell(n: number): Locator {
    return this.cells.nth(n).getByRole('button').first()
  }
  /** Picks the n-th cell drawn without opening it (its round mark), Shift for a range. */
  async select(n: number, modifiers: ('Shift' | 'ControlOrMeta')[] = []): Promise<void> {
    await this.cells.nth(n).hover()
    await this.cells
      .nth(n)
      .getByRole('button', { name: /^(Select|Unselect) / })
      .click({ modifiers })
  }
  async ctrlClick(n: number): Promise<void> {
    await this.cell(n).click({ modifiers: ['ControlOrMeta'] })
  }
  async shiftClick(n: number): Promise<void> {
    await this.cell(n).click({ modifiers: ['Shift'] })
  }
  get selectedCells(): Locator {
    return this.grid.locator('[role="gridcell"][aria-selected="true"]')
  }
  async filterByFormat(format: string): Promise<void> {
    await this.openFilters()
    await this.page.getByLabel('Format').selectOption(format)
    await this.page.keyboard.press('Escape')
  }
  async openFilters(): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Filters/ })
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  }
  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click()
  }
  async sortBy(label: string): Promise<void> {
    await this.page.getByLabel('Sort', { exact: true }).selectOption({ label })
  }
  get sizeSlider(): Locator {
    return this.page.getByRole('slider', { name: 'Size' })
  }

  // Selection, removal, undo
  get selectionBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected photos' })
  }
  selectedCount(text: string | RegExp): Locator {
    return this.selectionBar.getByText(text)
  }
  async removeSelected(): Promise<void> {
    await this.selectionBar.getByRole('button', { name: 'Remove from library' }).click()
  }
  async moveSelectedFilesToSystemTrash(): Promise<void> {
    await this.selectionBar
      .getByRole('button', { name: /Move files to (the )?system trash/ })
      .click()
  }
  get confirmation(): Locator {
    return this.page.getByRole('alertdialog')
  }
  get undoNotice(): Locator {
    return this.page
      .getByRole('status')
      .filter({ has: this.page.getByRole('button', { name: 'Undo' }) })
  }
  async undo(): Promise<void> {
    await this.undoNotice.getByRole('button', { name: 'Undo' }).click()
  }

  // Tabs: photos and the Trash
  tab(name: 'Photos' | 'Trash'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) })
  }
  get trashGrid(): Locator {
    return this.page.getByRole('grid', { name: 'Trash' })
  }
  get trashCells(): Locator {
    return this.trashGrid.getByRole('gridcell')
  }

  // Month sections and the timeline
  get timeline(): Locator {
    return this.page.getByRole('navigation', { name: 'Timeline' })
  }
  /** A month on the scrubber, e.g. "November 2023". */
  timelineMonth(label: string): Locator {
    return this.timeline.getByRole('button', { name: new RegExp(`^${label},`) })
  }
  /** A month's header in the grid. */
  monthHeader(label: string): Locator {
    return this.grid.getByRole('rowheader', { name: new RegExp(`^${label}`) })
  }
}
