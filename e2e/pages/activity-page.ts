import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

export type LiveCard =
  | 'Renderer frames'
  | 'Main event loop'
  | 'Main thread'
  | 'CPU by process'
  | 'Memory by process'
  | 'Worker pool'
  | 'Network'

/** A "Test both" chart: one figure across strategies, median and range. */
export type FigureChart =
  | 'Throughput'
  | "Main's loop delay p99"
  | 'Weather refresh p99'
  | "The window's input p99"
  | "The window's frame p99"
  | "Main's peak memory"
  | "Workers' peak memory (all together)"
  | "Main's memory before → after (retained)"

/** The Activity view: the live charts, and "Test both" (one batch, several strategies). */
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
  /** The Pause / Resume button over the live charts. */
  get pauseButton(): Locator {
    return this.page.getByRole('button', { name: /^(Pause|Resume)$/ })
  }
  /** The line over the charts: how much history they show, or where they were paused. */
  get liveStatus(): Locator {
    return this.page.getByRole('main', { name: 'Activity' }).getByRole('status')
  }
  /** The seconds of history the live charts show, read from the line over them. */
  async shownSeconds(): Promise<number> {
    const text = (await this.liveStatus.textContent()) ?? ''
    const m = /The last (\d+) (s|min)/.exec(text)
    if (!m) return 0
    return Number(m[1]) * (m[2] === 'min' ? 60 : 1)
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
    /** Measured passes per strategy (the form's default is 3). */
    repeats?: number
    workload?: 'Process images' | 'Download and process'
    /** "Download and process": the loopback server's delay per image. */
    latencyMs?: number
  }): Promise<void> {
    if (options.workload) await this.page.getByRole('radio', { name: options.workload }).check()
    if (options.latencyMs !== undefined)
      await this.page
        .getByRole('spinbutton', { name: 'Download latency per image in milliseconds' })
        .fill(String(options.latencyMs))
    if (options.repeats !== undefined)
      await this.page
        .getByRole('spinbutton', { name: 'Repeats per strategy' })
        .fill(String(options.repeats))
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
  /** The run's computed sentence. */
  get verdict(): Locator {
    return this.results.getByRole('region', { name: 'Verdict' })
  }
  /** A figure's chart; its accessible name lists each strategy's median (and range). */
  figureChart(title: FigureChart): Locator {
    return this.results.getByRole('img', { name: new RegExp(`^${escape(title)}:`) })
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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
