import type { Locator, Page } from '@playwright/test'
import type { AppWindow } from './app-window'

const openName = /^Open the report/

/** The weather desk's History tab: filters, the stored reports, a report and a comparison. */
export class HistoryPage {
  constructor(private readonly app: AppWindow) {}

  get page(): Page {
    return this.app.page
  }
  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'History' }).click()
  }

  // Filters and counts
  get placeFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Filter by place' })
  }
  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click()
  }
  /** The count line, e.g. "2 reports" or "1 of 2 picked to compare". */
  summary(text: string): Locator {
    return this.page.getByText(text)
  }

  // The list
  get reports(): Locator {
    return this.page.getByRole('list', { name: 'Stored reports' })
  }
  get rows(): Locator {
    return this.reports.getByRole('listitem')
  }
  /** Rows still waiting for their data. */
  get loadingRows(): Locator {
    return this.reports.getByText('Loading…')
  }
  /** Elements in the list that Tab stops at: one, the active row. */
  get tabStops(): Locator {
    return this.reports.locator('[tabindex="0"]')
  }
  /** The open buttons, every row's one focus stop; `label` narrows them by place. */
  openButtons(label: RegExp = openName): Locator {
    return this.reports.getByRole('button', { name: label })
  }
  /** Row n's open button. */
  openButton(n: number): Locator {
    return this.rows.nth(n).getByRole('button', { name: openName })
  }
  get pickBoxes(): Locator {
    return this.reports.getByRole('checkbox')
  }
  pickBox(n: number): Locator {
    return this.rows.nth(n).getByRole('checkbox')
  }
  async focusList(): Promise<void> {
    await this.reports.focus()
  }
  /** Whether keyboard focus is on something inside the list. */
  async hasFocus(): Promise<boolean> {
    return this.reports.evaluate((el) => el.contains(document.activeElement))
  }

  // Opening and comparing
  get compareButton(): Locator {
    return this.page.getByRole('button', { name: 'Compare' })
  }
  async compare(): Promise<void> {
    await this.compareButton.click()
  }
  get reportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Stored report' })
  }
  /** The opened report's 48-hour chart. */
  get reportChart(): Locator {
    return this.reportDialog.getByRole('img', { name: /^Next 48 hours/ })
  }
  get compareDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Compare two reports' })
  }
  get dayByDay(): Locator {
    return this.compareDialog.getByRole('region', { name: 'Day by day' })
  }
  /** Any dialog at all. */
  get dialogs(): Locator {
    return this.page.getByRole('dialog')
  }
  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape')
  }
}
