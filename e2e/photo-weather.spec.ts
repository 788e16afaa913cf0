import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import sharp from 'sharp'
import { truthAt } from '../fixtures/open-meteo/synth-truth'
import { condition } from '../src/shared/weather/wmo'
import { photoPixels } from '../test/support/test-images'
import { expect, test } from './fixtures/weather'
import { PhotoWeatherPage } from './pages/photo-weather-page'

// Paris (Île-de-France) as the fixture's gazetteer has it; its weather grid cell is 0.1°.
const PARIS = { lat: 48.85341, lon: 2.3488 }
const CELL = { lat: 48.9, lon: 2.3 }
const HOUR = 3600

const isRain = (code: number): boolean => (code >= 51 && code <= 67) || (code >= 80 && code <= 82)

/**
 * The first whole hour, from two months back, whose weather in the fixture's deterministic
 * series (asked for the cell's centre, as the app does) passes `fits`.
 */
function hourWhere(fits: (code: number) => boolean): { t: number; code: number; temp: number } {
  const start = Math.floor(Date.now() / 1000 / HOUR) * HOUR - 60 * 24 * HOUR
  for (let t = start; t < start + 40 * 24 * HOUR; t += HOUR) {
    const s = truthAt(CELL.lat, CELL.lon, t)
    if (fits(s.weather_code)) return { t, code: s.weather_code, temp: s.temperature_2m }
  }
  throw new Error('the fixture has no such hour in 40 days')
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" for a UTC instant (seconds), ten minutes into its hour. */
const exifDate = (t: number): string =>
  new Date((t + 600) * 1000).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':')

/** Degrees as EXIF's three rationals, "48/1 51/1 1227/100". */
function dms(deg: number): string {
  const a = Math.abs(deg)
  const d = Math.floor(a)
  const m = Math.floor((a - d) * 60)
  const s = Math.round(((a - d) * 60 - m) * 60 * 100)
  return `${d}/1 ${m}/1 ${s}/100`
}

/** `at` is the camera's wall clock read as UTC (seconds); `offset` is its OffsetTimeOriginal. */
async function gpsJpeg(
  file: string,
  seed: number,
  at: number,
  where: { lat: number; lon: number } | null,
  offset = '+00:00'
): Promise<void> {
  const gps = where
    ? {
        IFD3: {
          GPSLatitudeRef: where.lat < 0 ? 'S' : 'N',
          GPSLatitude: dms(where.lat),
          GPSLongitudeRef: where.lon < 0 ? 'W' : 'E',
          GPSLongitude: dms(where.lon)
        }
      }
    : {}
  const bytes = await sharp(await photoPixels(640, 480, seed))
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'Skyfolio', Model: 'Weather Camera' },
      IFD2: { DateTimeOriginal: exifDate(at), OffsetTimeOriginal: offset },
      ...gps
    })
    .toBuffer()
  writeFileSync(file, bytes)
}

/** Paris's offset from UTC at `ms`, in minutes (+60 in winter, +120 in summer). */
function parisOffsetMin(ms: number): number {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Paris',
    timeZoneName: 'longOffset'
  })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')!.value
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
}

let dir = ''
let placeDir = ''
const rain = hourWhere(isRain)
const clear = hourWhere((code) => code <= 1)

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-photo-weather-'))
  await gpsJpeg(join(dir, 'rainy-paris.jpg'), 1, rain.t, PARIS)
  await gpsJpeg(join(dir, 'sunny-paris.jpg'), 2, clear.t, { lat: 48.87, lon: 2.33 })
  // Cameras write 0°, 0° when they have no fix: its weather is unknown, with the reason.
  await gpsJpeg(join(dir, 'no-fix.jpg'), 3, clear.t, { lat: 0, lon: 0 })

  placeDir = mkdtempSync(join(tmpdir(), 'skyfolio-e2e-set-place-'))
  // No GPS: its place comes from "Set place…".
  await gpsJpeg(join(placeDir, 'no-gps.jpg'), 4, clear.t, null)
  // Taken in Paris a minute ago, by the Paris wall clock: it belongs to today's report.
  const now = Date.now()
  const off = parisOffsetMin(now)
  const sign = off < 0 ? '-' : '+'
  const hhmm = `${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`
  await gpsJpeg(
    join(placeDir, 'today-paris.jpg'),
    5,
    Math.floor(now / 1000) + off * 60 - 660,
    PARIS,
    `${sign}${hhmm}`
  )
})

test.afterAll(() => {
  for (const d of [dir, placeDir]) if (d) rmSync(d, { recursive: true, force: true })
})

/** Serious or critical axe findings inside the open dialog. */
async function dialogFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function both(page: Page, shoot: (name: string) => Promise<string>, name: string) {
  await page.emulateMedia({ colorScheme: 'light' })
  await shoot(`${name}-light`)
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(`${name}-dark`)
  await page.emulateMedia({ colorScheme: 'light' })
}

test('opt in, see the weather in the lightbox, filter by rain, photos taken at a place', async ({
  app,
  page,
  shell,
  weatherPage: desk,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  await desk.addPlace('Paris', /Île-de-France/)

  await library.open()
  await library.importText(dir)
  await expect(library.photoCount('3 photos')).toBeVisible({ timeout: 60_000 })

  // Off until the user says yes, and the prompt says what leaves the machine.
  const prompt = page.getByRole('region', { name: 'Weather when each photo was taken' })
  await expect(prompt).toContainText('rounded location (about 10 km) and the dates')
  await both(page, (n) => app.screenshot(n), 'photo-weather-prompt')
  await prompt.getByRole('button', { name: 'Turn on' }).click()
  await expect(prompt).toBeHidden()
  await expect(page.getByText(/^2 of [23] with weather/)).toBeVisible({ timeout: 60_000 })

  // The lightbox: the desk's icon and words, °C, wind in words, the local time.
  await library.grid.getByRole('button', { name: 'rainy-paris.jpg', exact: true }).click()
  const line = library.lightbox.dialog.getByLabel('Weather when taken')
  const words = condition(rain.code).words
  await expect(line).toContainText(`${words} · ${Math.round(rain.temp)} °C · `)
  // Ten past the hour, in the place's own time.
  await expect(line).toContainText(/\d\d:10 local$/)
  await expect(line.getByRole('img', { name: words })).toBeVisible()
  await both(page, (n) => app.screenshot(n), 'photo-weather-lightbox')
  await library.lightbox.close()

  await library.grid.getByRole('button', { name: 'no-fix.jpg', exact: true }).click()
  await expect(library.lightbox.dialog.getByLabel('Weather when taken')).toContainText(
    'Weather unknown — its GPS position is 0°, 0°'
  )
  await library.lightbox.close()

  // Filter by rain: only the rainy photo; it opens in the lightbox from there.
  await page
    .getByRole('group', { name: 'Filter by weather' })
    .getByRole('button', { name: 'Rain' })
    .click()
  const matches = page.getByRole('list', { name: 'Photos matching the weather' })
  await expect(matches.getByRole('button')).toHaveCount(1)
  await expect(matches.getByRole('button', { name: 'rainy-paris.jpg', exact: true })).toBeVisible()
  await both(page, (n) => app.screenshot(n), 'photo-weather-filter')
  await matches.getByRole('button', { name: 'rainy-paris.jpg', exact: true }).click()
  await expect(library.lightbox.title).toHaveText('rainy-paris.jpg')
  await library.lightbox.close()

  // On the place's page: both photos taken in its grid cell, not the one at 0°, 0°.
  await shell.open('Weather')
  const here = page.getByRole('region', { name: 'Photos taken here' })
  await expect(here.getByRole('button')).toHaveCount(2)
  await expect(here.getByRole('button', { name: 'sunny-paris.jpg', exact: true })).toBeVisible()
  await here.scrollIntoViewIfNeeded()
  await both(page, (n) => app.screenshot(n), 'photo-weather-taken-here')
})

test('"Not now" is kept as a setting; Set place… by search; the photos of a day in its History', async ({
  app,
  page,
  shell,
  weatherPage: desk,
  historyPage: history,
  libraryPage: library
}) => {
  test.setTimeout(150_000)
  const pw = new PhotoWeatherPage(page)
  await desk.addPlace('Paris', /Île-de-France/)
  await library.open()
  await library.importText(placeDir)
  await expect(library.photoCount('2 photos')).toBeVisible({ timeout: 60_000 })

  // "Not now" is the app's setting, not this window's storage: a reload keeps it folded.
  await pw.notNow()
  await expect(pw.folded).toBeVisible()
  await page.reload()
  await library.open()
  await expect(pw.folded).toBeVisible()
  expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain(
    'skyfolio.photoWeather.notNow'
  )
  await pw.folded.getByRole('button', { name: 'Turn on…' }).click()
  await pw.turnOn()
  await expect(pw.prompt).toBeHidden()

  // The photo without GPS: "Set place…", search a place that is not a weather place, set it.
  await library.grid.getByRole('button', { name: 'no-gps.jpg', exact: true }).click()
  await expect(library.lightbox.dialog.getByLabel('Weather when taken')).toContainText(
    'Weather unknown'
  )
  await library.lightbox.close()
  await pw.select('no-gps.jpg')
  await pw.openSetPlace()
  await expect(pw.setPlaceDialog).toBeVisible()
  await pw.search.fill('Madrid')
  await expect(pw.setPlaceDialog.getByRole('option').first()).toBeVisible()
  for (const [w, h] of [
    [900, 600],
    [1280, 800],
    [1920, 1080]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await both(page, (n) => app.screenshot(n), `set-place-search-${w}x${h}`)
  }
  expect(await dialogFindings(page)).toEqual([])
  await pw.searchAndPick('Madrid', /Spain/)
  await expect(pw.setPlaceDialog.getByRole('radio', { name: /^Madrid/ })).toBeChecked()
  expect(await dialogFindings(page)).toEqual([])
  await both(page, (n) => app.screenshot(n), 'set-place-chosen-1920x1080')
  await page.setViewportSize({ width: 1280, height: 800 })
  await pw.applyPlace()
  await expect(pw.setPlaceDialog).toBeHidden()
  await library.selectionBar.getByRole('button', { name: 'Clear selection (Escape)' }).click()

  // Its weather comes from Madrid's cell: the lightbox shows the line.
  await library.grid.getByRole('button', { name: 'no-gps.jpg', exact: true }).click()
  await expect(library.lightbox.dialog.getByLabel('Weather when taken')).toContainText(
    /°C · .* local$/,
    { timeout: 60_000 }
  )
  await library.lightbox.close()

  // Paris's History: today's report lists the photo taken in Paris today.
  await shell.open('Weather')
  await history.show()
  await history.openButton(0).click()
  const day = history.reportDialog.getByRole('region', { name: 'Photos taken here that day' })
  await expect(day.getByRole('button', { name: 'today-paris.jpg', exact: true })).toBeVisible({
    timeout: 30_000
  })
  await expect(day.getByRole('button')).toHaveCount(1)
})
