import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { addPlace, expect, test } from './fixtures/weather'

interface SlowEvent {
  name: string
  duration: number
  /** Input delay: the main thread was busy before the handlers ran. */
  delay: number
  handlers: number
}

/** Records every slow interaction (≥ 16 ms) in the page with the Event Timing API. */
async function watchEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __slow: SlowEvent[] }
    w.__slow = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[]) {
        // Interactions only (key presses, taps, clicks), as INP counts them; hover events
        // such as pointerover carry no interactionId.
        if (!e.interactionId) continue
        w.__slow.push({
          name: e.name,
          duration: e.duration,
          delay: Math.round(e.processingStart - e.startTime),
          handlers: Math.round(e.processingEnd - e.processingStart)
        })
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
  })
}
const slowEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __slow: SlowEvent[] }).__slow)
const eventCount = (page: Page, type: string) =>
  page.evaluate((t) => performance.eventCounts.get(t) ?? 0, type)

test('search and add two places, refresh, read conditions and chart, open history and an old report', async ({
  page,
  app,
  weather
}) => {
  const view = page.getByRole('main', { name: 'Weather' })
  await expect(view.getByText('Search for a place above')).toBeVisible()
  await app.screenshot('weather-empty-light')

  // Two places with the same name, told apart by region and country.
  const search = page.getByRole('combobox', { name: 'Search for a place to add' })
  await search.fill('Paris')
  await expect(
    page
      .getByRole('listbox', { name: 'Places found' })
      .getByRole('option')
      .filter({ hasText: 'Texas' })
  ).toBeVisible()
  await expect(page.getByText('GeoNames')).toBeVisible()
  await app.screenshot('weather-search-light')
  await search.fill('')
  await addPlace(page, 'Paris', /Île-de-France/)
  await addPlace(page, 'Paris', /Texas/)

  const places = page.getByRole('list', { name: 'Places' })
  await expect(places.getByRole('listitem')).toHaveCount(2)
  await expect(places.getByText('Updated just now')).toHaveCount(2)

  // Refresh: each refresh stores a new report, never overwriting.
  await page.getByRole('button', { name: 'Refresh all' }).click()
  await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled()
  await places.getByRole('button', { name: /^Paris, Île-de-France/ }).click()
  const detail = page.getByRole('article', { name: /Weather for Paris, Île-de-France/ })
  await expect(detail.getByRole('region', { name: 'Conditions' })).toContainText('Feels like')
  await expect(detail.getByRole('img', { name: /^Next 48 hours: temperature/ })).toBeVisible()
  await expect(detail.getByRole('table')).toContainText('Today')
  await expect(detail.getByText('Weather data by Open-Meteo.com')).toBeVisible()
  await expect(detail.getByText('Sunrise').first()).toBeVisible()
  await app.screenshot('weather-places-light')

  // Units apply everywhere and persist.
  await page.getByRole('combobox', { name: 'Temperature unit' }).selectOption('fahrenheit')
  await expect(detail.getByText('Temperature (°F)')).toBeVisible()
  await page.getByRole('combobox', { name: 'Temperature unit' }).selectOption('celsius')

  // A failed refresh shows on that place only and keeps its report.
  weather.inject('forecast', { kind: 'bad-request', reason: 'Parameter refused by the fixture' })
  const tx = places.getByRole('listitem').filter({ hasText: 'Texas' })
  await tx.getByRole('button', { name: /^Refresh Paris/ }).click()
  await expect(tx.getByText('Refresh failed')).toBeVisible()
  await expect(tx.getByRole('alert')).toContainText('Parameter refused by the fixture')
  const fr = places.getByRole('listitem').filter({ hasText: 'Île-de-France' })
  await expect(fr.getByText('Refresh failed')).toHaveCount(0)
  await tx.getByRole('button', { name: /^Paris, Texas/ }).click()
  await expect(page.getByRole('article', { name: /Texas/ }).getByRole('alert')).toContainText(
    'Showing the last stored report'
  )
  await app.screenshot('weather-place-error-light')
  await fr.getByRole('button', { name: /^Paris, Île-de-France/ }).click()

  // History: every report, an old one opened exactly as fetched.
  await detail.getByRole('button', { name: 'History' }).click()
  const history = page.getByRole('list', { name: 'Stored reports' })
  await expect(page.getByText('2 reports')).toBeVisible()
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByText('4 reports')).toBeVisible()
  await app.screenshot('weather-history-light')
  await history
    .getByRole('button', { name: /^Open the report for Paris, Île-de-France/ })
    .last()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Stored report' })
  await expect(dialog).toContainText('shown exactly as it was then')
  await expect(dialog.getByRole('img', { name: /^Next 48 hours/ })).toBeVisible()
  await app.screenshot('weather-report-light')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Compare two reports side by side.
  const boxes = history.getByRole('checkbox')
  await boxes.nth(0).check()
  await boxes.nth(1).check()
  await page.getByRole('button', { name: 'Compare' }).click()
  const compare = page.getByRole('dialog', { name: 'Compare two reports' })
  await expect(compare.getByRole('region', { name: 'Day by day' })).toBeVisible()
  await app.screenshot('weather-compare-light')
  await page.keyboard.press('Escape')

  // Dark mode, every view.
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('weather-history-dark')
  await history
    .getByRole('button', { name: /^Open the report/ })
    .first()
    .click()
  await app.screenshot('weather-report-dark')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Compare' }).click()
  await app.screenshot('weather-compare-dark')
  await page.keyboard.press('Escape')
  await page.getByRole('tab', { name: 'Places' }).click()
  await app.screenshot('weather-places-dark')
  await search.fill('Paris')
  await expect(
    page.getByRole('listbox', { name: 'Places found' }).getByRole('option').first()
  ).toBeVisible()
  await app.screenshot('weather-search-dark')
  await search.press('Escape')

  // Stored data survives a restart and shows at once.
  const again = await app.restart()
  await expect(again.getByRole('list', { name: 'Places' }).getByRole('listitem')).toHaveCount(2)
})

test('while a refresh is held slow, history scrolls and reports open within 100 ms', async ({
  page,
  app,
  weather
}) => {
  await addPlace(page, 'Paris', /Île-de-France/)
  await addPlace(page, 'Berlin', /Berlin/)
  const places = page.getByRole('list', { name: 'Places' })
  await expect(places.getByText('Updated just now')).toHaveCount(2)

  // Thousands of stored reports: copies of the real ones, 10 s apart, going back in time.
  const db = new Database(join(app.userDataDir, 'skyfolio.db'))
  db.pragma('busy_timeout = 5000')
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
    INSERT INTO weather_reports (place_id, fetched_at, provider, units, timezone,
      utc_offset_seconds, payload, temperature, weather_code, temp_max, temp_min, is_day,
      has_air_quality)
    SELECT r.place_id, r.fetched_at - n.i * 10000, r.provider, r.units, r.timezone,
      r.utc_offset_seconds, r.payload, r.temperature, r.weather_code, r.temp_max, r.temp_min,
      r.is_day, r.has_air_quality
    FROM weather_reports r, n`)
  db.close()

  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByText('3,002 reports')).toBeVisible()

  // Hold the next refresh slow at the "server".
  weather.setLatency(6_000)
  await page.getByRole('button', { name: 'Refresh all' }).click()
  await expect(page.getByRole('status', { name: 'Background work' })).toContainText(
    'Refreshing weather'
  )
  await watchEvents(page)
  const clicksBefore = await eventCount(page, 'click')
  const keysBefore = await eventCount(page, 'keydown')

  const list = page.getByRole('list', { name: 'Stored reports' })
  await list.focus()
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown')
  await page.mouse.move(700, 400)
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 1500)
  await expect(list.getByRole('listitem').first()).not.toHaveAttribute('aria-posinset', '1')
  await expect(list.getByText('Loading…')).toHaveCount(0)
  await list
    .getByRole('button', { name: /^Open the report/ })
    .nth(3)
    .click()
  const dialog = page.getByRole('dialog', { name: 'Stored report' })
  await expect(dialog).toContainText('shown exactly as it was then')
  await app.screenshot('weather-slow-refresh-report')
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: 'Filter by place' }).selectOption({ index: 1 })
  await expect(page.getByText('1,501 reports')).toBeVisible()
  await page.getByRole('tab', { name: 'Places' }).click()
  await places.getByRole('button', { name: /^Berlin/ }).click()

  // The refresh was still in flight through all of it.
  await expect(page.getByRole('status', { name: 'Background work' })).toContainText(
    'Refreshing weather'
  )
  expect(await eventCount(page, 'click')).toBeGreaterThan(clicksBefore + 2)
  expect(await eventCount(page, 'keydown')).toBeGreaterThan(keysBefore + 5)
  const slow = await slowEvents(page)
  test.info().annotations.push({
    type: 'slowest event (ms)',
    description: String(Math.max(0, ...slow.map((e) => e.duration)))
  })
  for (const e of slow)
    expect(e.duration, `${e.name} took ${e.duration} ms`).toBeLessThanOrEqual(100)

  weather.setLatency(40)
  await expect(page.getByRole('button', { name: 'Refresh all' })).toBeEnabled({ timeout: 20_000 })
})
