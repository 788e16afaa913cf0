import { expect, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

/** One place in the list: its card, its buttons, its badges. */
export class PlaceCard {
  constructor(readonly item: Locator) {}

  /** The card's main button, which selects the place; named "Paris, Île-de-France, FR, …". */
  button(label: RegExp): Locator {
    return this.item.getByRole('button', { name: label })
  }
  get refreshButton(): Locator {
    return this.item.getByRole('button', { name: /^Refresh / })
  }
  get failedBadge(): Locator {
    return this.item.getByText('Refresh failed')
  }
  get alert(): Locator {
    return this.item.getByRole('alert')
  }

  async select(label: RegExp): Promise<void> {
    await this.button(label).click()
  }
  async refresh(): Promise<void> {
    await this.refreshButton.click()
  }
}

/** The selected place's detail: conditions, the 48-hour chart, the daily table. */
export class PlaceDetail {
  constructor(readonly article: Locator) {}

  get conditions(): Locator {
    return this.article.getByRole('region', { name: 'Conditions' })
  }
  get chart(): Locator {
    return this.article.getByRole('img', { name: /^Next 48 hours: temperature/ })
  }
  get dailyTable(): Locator {
    return this.article.getByRole('table', { name: /^Forecast for the next/ })
  }
  get alert(): Locator {
    return this.article.getByRole('alert')
  }
  text(text: string): Locator {
    return this.article.getByText(text)
  }

  async openHistory(): Promise<void> {
    await this.article.getByRole('button', { name: 'History' }).click()
  }
  /** The hourly strip: one Tab stop, arrows move hour by hour. */
  get hourlyStrip(): Locator {
    return this.article.getByRole('listbox', { name: /^Hourly forecast/ })
  }
  get activeHour(): Locator {
    return this.hourlyStrip.getByRole('option', { selected: true })
  }
  get details(): Locator {
    return this.article.getByRole('definition').locator('..')
  }
  get forecastVsActual(): Locator {
    return this.article.getByRole('region', { name: 'Forecast vs what happened' })
  }
  get trailChart(): Locator {
    return this.forecastVsActual.getByRole('img', { name: /^How the forecast moved/ })
  }
  get trailDay(): Locator {
    return this.forecastVsActual.getByRole('combobox', { name: 'How the forecast moved for' })
  }
  get accuracyTable(): Locator {
    return this.forecastVsActual.getByRole('table', { name: 'How good the forecast is here' })
  }
}

/** The weather desk's Places tab: search, the list of places, the detail, the undo notice. */
export class WeatherPage {
  constructor(private readonly app: AppWindow) {}

  get page(): Page {
    return this.app.page
  }
  get view(): Locator {
    return this.page.getByRole('main', { name: 'Weather' })
  }
  /** The first-run message, while no place is added. */
  get emptyMessage(): Locator {
    return this.view.getByText('Search for a place above')
  }

  // Search
  get search(): Locator {
    return this.page.getByRole('combobox', { name: 'Search for a place to add' })
  }
  get searchResults(): Locator {
    return this.page.getByRole('listbox', { name: 'Places found' }).getByRole('option')
  }
  searchResult(region: RegExp | string): Locator {
    return this.searchResults.filter({ hasText: region })
  }
  get geoNamesCredit(): Locator {
    return this.page.getByText('GeoNames')
  }
  async searchFor(query: string): Promise<void> {
    await this.search.fill(query)
  }
  /** Adds a place the way a user does: type, pick the match in the given region. */
  async addPlace(query: string, region: RegExp): Promise<void> {
    await this.search.fill(query)
    const option = this.searchResult(region)
    await expect(option).toBeVisible()
    await option.click()
    await expect(this.search).toHaveValue('')
  }

  // Toolbar
  tab(name: 'Places' | 'History'): Locator {
    return this.page.getByRole('tab', { name })
  }
  async showTab(name: 'Places' | 'History'): Promise<void> {
    await this.tab(name).click()
  }
  get refreshAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Refresh all' })
  }
  async refreshAll(): Promise<void> {
    await this.refreshAllButton.click()
  }
  get temperatureUnit(): Locator {
    return this.page.getByRole('combobox', { name: 'Temperature unit' })
  }

  get clock(): Locator {
    return this.page.getByRole('combobox', { name: 'Clock' })
  }
  /** The one banner that says Open-Meteo cannot be reached. */
  get offlineBanner(): Locator {
    return this.page.getByRole('status', { name: 'Offline' })
  }

  // Places
  /** The card's one Tab stop: the button that selects the place. */
  placeButton(label: RegExp): Locator {
    return this.places.getByRole('button', { name: label })
  }
  get places(): Locator {
    return this.page.getByRole('list', { name: 'Places' })
  }
  get placeItems(): Locator {
    return this.places.getByRole('listitem')
  }
  /** Each place's name as shown in the list, "⌂" first on the home place. */
  get placeNames(): Locator {
    return this.places.getByTestId('place-name')
  }
  /** Places whose report was fetched in the last minute. */
  get placesUpdatedJustNow(): Locator {
    return this.places.getByText('Updated just now')
  }
  /** The place whose card mentions `text` (its region, say). */
  place(text: RegExp | string): PlaceCard {
    return new PlaceCard(this.placeItems.filter({ hasText: text }))
  }
  async selectPlace(label: RegExp): Promise<void> {
    await this.places.getByRole('button', { name: label }).click()
  }
  async removePlace(name: string): Promise<void> {
    await this.places.getByRole('button', { name: `Remove ${name}` }).click()
  }
  detail(label: RegExp): PlaceDetail {
    return new PlaceDetail(this.page.getByRole('article', { name: label }))
  }

  // Undo after removing a place
  get undoNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Removed' })
  }
  /** The notice's text, whichever notice shows. */
  get removedText(): Locator {
    return this.page.getByText(/^Removed /)
  }
  async undo(): Promise<void> {
    await this.undoNotice.getByRole('button', { name: 'Undo' }).click()
  }
  async dismissUndo(): Promise<void> {
    await this.undoNotice.getByRole('button', { name: 'Dismiss' }).click()
  }
}
