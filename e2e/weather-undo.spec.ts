import type { Page } from '@playwright/test'
import { startFixtureServer, type FixtureServer } from '../fixtures/open-meteo/fixture-server'
import { expect, test as base } from './fixtures/app'

// The Open-Meteo fixture runs in the test process; the app under test is pointed at it.
const test = base.extend<object, { weather: FixtureServer }>({
  weather: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startFixtureServer({ latencyMs: 40 })
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ]
})
test.use({
  appEnv: (async ({ weather }: { weather: FixtureServer }, use: (env: object) => Promise<void>) => {
    await use({ SKYFOLIO_WEATHER_URL: weather.url, SKYFOLIO_WEATHER_AUTOREFRESH: '0' })
  }) as never
})
test.beforeEach(({ weather }) => {
  weather.reset()
  weather.setLatency(40)
})

async function addPlace(page: Page, query: string, region: RegExp): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search for a place to add' })
  await search.fill(query)
  const option = page
    .getByRole('listbox', { name: 'Places found' })
    .getByRole('option')
    .filter({ hasText: region })
  await expect(option).toBeVisible()
  await option.click()
  await expect(search).toHaveValue('')
}

test('removing a place can be undone with the notice or Ctrl/Cmd+Z', async ({ page, app }) => {
  await addPlace(page, 'Paris', /Île-de-France/)
  await addPlace(page, 'Berlin', /Berlin/)
  const places = page.getByRole('list', { name: 'Places' })
  const names = places.locator('.wx-place-name')
  await expect(places.getByText('Updated just now')).toHaveCount(2)
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])

  // Removing the home place: the notice names it and offers Undo.
  await places.getByRole('button', { name: 'Remove Paris' }).click()
  await expect(names).toHaveText(['⌂Berlin'])
  const notice = page.getByRole('status').filter({ hasText: 'Removed' })
  await expect(notice).toHaveText(/Removed Paris, Île-de-France, FR\./)
  await app.screenshot('weather-undo-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('weather-undo-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Undo: back first, home again, with its report.
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])
  await expect(places.getByText('Updated just now')).toHaveCount(2)
  await expect(page.getByText(/^Removed /)).toBeHidden()

  // A second removal replaces the notice; the shortcut undoes it, but not while typing.
  await places.getByRole('button', { name: 'Remove Paris' }).click()
  await places.getByRole('button', { name: 'Remove Berlin' }).click()
  await expect(notice).toHaveText(/Removed Berlin, .*\./)
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
  const search = page.getByRole('combobox', { name: 'Search for a place to add' })
  await search.focus()
  await page.keyboard.press(`${mod}+z`)
  await expect(page.getByText('Search for a place above')).toBeVisible()
  await search.blur()
  await page.keyboard.press(`${mod}+z`)
  await expect(names).toHaveText(['⌂Berlin'])
  await expect(page.getByText(/^Removed /)).toBeHidden()

  // Dismissed, the notice goes and the removal stands.
  await places.getByRole('button', { name: 'Remove Berlin' }).click()
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByText(/^Removed /)).toBeHidden()
  await expect(page.getByText('Search for a place above')).toBeVisible()
})
