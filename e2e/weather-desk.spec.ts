import { startFixtureServer, type FixtureServer } from '../fixtures/open-meteo/fixture-server'
import { expect, test } from './fixtures/weather'
import { test as appTest } from './fixtures/app'

test('forecast vs what happened, the hourly strip by keyboard, details, and cards as one Tab stop', async ({
  page,
  app,
  weatherPage: desk
}) => {
  await desk.addPlace('Paris', /Île-de-France/)
  await desk.addPlace('Paris', /Texas/)
  await desk.addPlace('Sydney', /New South Wales/)
  // Several stored reports for one place.
  for (let i = 0; i < 3; i++) {
    await desk.refreshAll()
    await expect(desk.refreshAllButton).toBeEnabled()
  }
  await desk.selectPlace(/^Paris, Île-de-France/)
  const detail = desk.detail(/Weather for Paris, Île-de-France/)

  // How the forecast moved, with every stored report behind it, and the accuracy table.
  await expect(detail.trailChart).toBeVisible()
  await expect(detail.trailChart).toHaveAttribute('aria-label', /\d+ reports/)
  await expect(detail.trailDay.getByRole('option').first()).toHaveText(/report/)
  await expect(detail.accuracyTable).toBeVisible()
  await expect(detail.accuracyTable).toContainText('Not enough reports yet')
  await expect(detail.accuracyTable.getByRole('row', { name: /^1 day/ })).toBeVisible()

  // Details.
  for (const term of ['UV index', 'Pressure', 'Visibility', 'Dew point', 'Cloud cover', 'Daylight'])
    await expect(detail.article.getByRole('term').filter({ hasText: term })).toBeVisible()

  // The hourly strip: one Tab stop, arrows, Home and End.
  await detail.hourlyStrip.focus()
  const first = await detail.activeHour.getAttribute('aria-label')
  await page.keyboard.press('ArrowRight')
  await expect(detail.activeHour).not.toHaveAttribute('aria-label', first ?? '')
  await page.keyboard.press('End')
  await expect(detail.hourlyStrip.getByRole('option').last()).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await expect(detail.hourlyStrip.getByRole('option').last()).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(detail.activeHour).toHaveAttribute('aria-label', first ?? '')
  await app.screenshot('weather-desk-detail-light')

  // 24-hour or 12-hour, as chosen.
  await desk.clock.selectOption('h12')
  await expect(detail.hourlyStrip).toContainText(/AM|PM/i)
  await desk.clock.selectOption('h23')
  await expect(detail.hourlyStrip).not.toContainText(/AM|PM/i)

  // Places: one Tab stop for the list; arrows move; Delete removes and focus moves on.
  const fr = desk.placeButton(/^Paris, Île-de-France/)
  await fr.focus()
  await expect(desk.places.locator('[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('ArrowDown')
  const tx = desk.placeButton(/^Paris, Texas/)
  await expect(tx).toBeFocused()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'Actions for Paris' })
  await expect(menu.getByRole('menuitem', { name: /Remove/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(tx).toBeFocused()
  await page.keyboard.press('Delete')
  await expect(desk.placeItems).toHaveCount(2)
  await expect(desk.placeButton(/^Sydney/)).toBeFocused()
})

/** An Open-Meteo of this test's own, so it can go away without touching other tests. */
const offlineTest = appTest.extend<{ own: FixtureServer }>({
  // eslint-disable-next-line no-empty-pattern
  own: async ({}, use) => {
    const server = await startFixtureServer({ latencyMs: 20 })
    await use(server)
  },
  appEnv: async ({ own }, use) => {
    await use({ SKYFOLIO_WEATHER_URL: own.url, SKYFOLIO_WEATHER_AUTOREFRESH: '0' })
  }
})

offlineTest(
  'offline: one banner, a stale badge per card, no per-place socket errors',
  async ({ own, app, weatherPage: desk }) => {
    await desk.addPlace('Paris', /Île-de-France/)
    await desk.addPlace('Paris', /Texas/)
    await expect(desk.placesUpdatedJustNow).toHaveCount(2)
    await own.close()
    await desk.refreshAll()
    await expect(desk.offlineBanner).toBeVisible({ timeout: 30_000 })
    await expect(desk.offlineBanner).toContainText(
      /^Offline — showing reports from .+\. Skyfolio retries when the connection is back\.$/
    )
    await expect(desk.places.getByText('Stale')).toHaveCount(2)
    await expect(desk.places.getByText('Refresh failed')).toHaveCount(0)
    await expect(desk.places.getByRole('alert')).toHaveCount(0)
    await expect(desk.view).not.toContainText(/ECONN|ENOTFOUND|Check the connection/)
    await app.screenshot('weather-offline-light')
  }
)
