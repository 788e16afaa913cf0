import type { Locator, Page } from '@playwright/test'

/** Photo weather in the library: the opt-in prompt, "Set place…" and its dialog. */
export class PhotoWeatherPage {
  constructor(readonly page: Page) {}

  get prompt(): Locator {
    return this.page.getByRole('region', { name: 'Weather when each photo was taken' })
  }
  /** The line the prompt folds to after "Not now". */
  get folded(): Locator {
    return this.page.getByText('Weather when each photo was taken: off.')
  }
  async turnOn(): Promise<void> {
    await this.prompt.getByRole('button', { name: 'Turn on' }).click()
  }
  async notNow(): Promise<void> {
    await this.prompt.getByRole('button', { name: 'Not now' }).click()
  }

  /** Picks the photo named `name` in the library grid (its round mark), without opening it. */
  async select(name: string): Promise<void> {
    const grid = this.page.getByRole('grid', { name: 'Photos' })
    const cell = grid
      .getByRole('gridcell')
      .filter({ has: this.page.getByRole('button', { name, exact: true }) })
    await cell.hover()
    await cell.getByRole('button', { name: /^Select / }).click()
  }

  get setPlaceDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Set place' })
  }
  async openSetPlace(): Promise<void> {
    await this.page.getByRole('button', { name: 'Set place…' }).click()
  }
  get search(): Locator {
    return this.setPlaceDialog.getByRole('combobox', {
      name: 'Search for the place the photos were taken'
    })
  }
  /** Types `name` in the dialog's search and picks the hit whose line matches `region`. */
  async searchAndPick(name: string, region: RegExp): Promise<void> {
    await this.search.fill(name)
    await this.setPlaceDialog
      .getByRole('listbox', { name: 'Places found' })
      .getByRole('option')
      .filter({ hasText: region })
      .first()
      .click()
  }
  async applyPlace(): Promise<void> {
    await this.setPlaceDialog.getByRole('button', { name: 'Set place', exact: true }).click()
  }
}
