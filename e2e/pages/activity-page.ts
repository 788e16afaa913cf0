import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

export type LiveCard =
  'Renderer frames' | 'Main event loop' | 'CPU by process' | 'Worker pool' | 'Network'

/** The Activity view: the live charts, and "Test both" (one batch, four strategies). */
export class ActivityPage {
  constructor(private readonly app: AppWindow) {}

  get page(): Page {
    return this.app.page
  }
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Activity' }).click()
    await expect(this.page.getByRole('main', { name: 'Activity' })).toBeVisible()
  }

  // Live
  card(name: LiveCard): Locator {
    return this.page.getByRole('region', { name })
  }
  /** The card's chart; its accessible name reads out the latest values. */
  chart(name: LiveCard): Locator {
    return this.card(name).getByRole('img')
  }
  /** A process in the CPU and memory table, e.g. /Main/ or /Image worker/. */
  process(name: RegExp): Locator {
    return this.card('CPU by process').getByRole('rowheader', { name })
  }

  // Test both
  async openTestBoth(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Test both' }).click()
  }
  /** Fills the form and starts a run. */
  async runComparison(options: {
    photos: number
    maxWorkers: number
    refreshWeather: boolean
  }): Promise<void> {
    await this.page
      .getByRole('spinbutton', { name: 'Number of generated photos' })
      .fill(String(options.photos))
    await this.page
      .getByRole('spinbutton', { name: 'Most worker processes' })
      .fill(String(options.maxWorkers))
    await this.page
      .getByRole('checkbox', { name: 'Refresh weather meanwhile' })
      .setChecked(options.refreshWeather)
    await this.page.getByRole('button', { name: 'Run comparison' }).click()
  }
  get runProgress(): Locator {
    return this.page.getByRole('region', { name: 'Run in progress' })
  }
  get results(): Locator {
    return this.page.getByRole('region', { name: 'Run results' })
  }
  /** The results table's rows, the header row first. */
  get resultRows(): Locator {
    return this.results.getByRole('table').getByRole('row')
  }
  strategy(name: RegExp): Locator {
    return this.results.getByRole('rowheader', { name })
  }
  /** The speedup chart; its accessible name lists each strategy's speedup. */
  speedupChart(name: RegExp): Locator {
    return this.results.getByRole('img', { name })
  }
  /** Exports the shown run as CSV; resolves to the downloaded file's text. */
  async exportCsv(): Promise<string> {
    const download: Promise<Download> = this.page.waitForEvent('download')
    await this.results.getByRole('button', { name: 'Export CSV' }).click()
    const file = await download
    const chunks = await (await file.createReadStream()).toArray()
    return Buffer.concat(chunks).toString('utf8')
  }
}
