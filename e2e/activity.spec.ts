import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect, test } from './fixtures/app'

test('the Activity view charts move while the app works', async ({ page, app }) => {
  await page.getByRole('button', { name: 'Activity' }).click()
  const loop = page.getByRole('region', { name: 'Main event loop' }).getByRole('img')
  await expect(loop).toHaveAttribute('aria-label', /p99 \d/, { timeout: 10_000 })
  const cpu = page.getByRole('region', { name: 'CPU by process' })
  await expect(cpu.getByRole('rowheader', { name: /Main/ })).toBeVisible()
  const first = await page
    .getByRole('region', { name: 'Renderer frames' })
    .getByRole('img')
    .getAttribute('aria-label')
  await page.waitForTimeout(1200)
  const later = await page
    .getByRole('region', { name: 'Renderer frames' })
    .getByRole('img')
    .getAttribute('aria-label')
  expect(later).not.toBe('')
  expect(first).toBeTruthy()
  // Main's loop delay over the whole time the view has been open, from its lease renewals.
  await expect(page.getByRole('region', { name: 'Main event loop' })).toContainText(
    /Since this view opened \(\d+ s\): p99 \d+\.\d ms, max \d+\.\d ms/,
    { timeout: 10_000 }
  )
  await app.screenshot('activity-live-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('activity-live-dark')
})

test('"test both" on a small generated set shows a row per strategy and exports a CSV that parses', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  await page.getByRole('button', { name: 'Activity' }).click()
  await page.getByRole('tab', { name: 'Test both' }).click()
  await page.getByRole('spinbutton', { name: 'Number of generated photos' }).fill('4')
  await page.getByRole('spinbutton', { name: 'Most worker processes' }).fill('2')
  await page.getByRole('checkbox', { name: 'Refresh weather meanwhile' }).uncheck()
  await page.getByRole('button', { name: 'Run comparison' }).click()
  const progress = page.getByRole('region', { name: 'Run in progress' })
  await expect(progress).toBeVisible()
  await app.screenshot('activity-test-both-running')
  await expect(progress).toBeHidden({ timeout: 150_000 })

  const results = page.getByRole('region', { name: 'Run results' })
  const rows = results.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(1 + 4) // header + main, threads, processes × 1, × 2
  await expect(results.getByRole('rowheader', { name: /Main process/ })).toBeVisible()
  await expect(results.getByRole('rowheader', { name: /Worker processes × 2/ })).toBeVisible()
  await expect(results.getByRole('img', { name: /processes × 2 \d/ })).toBeVisible()
  // The window's own figures arrive for each strategy.
  await expect(rows.nth(1).getByRole('cell').nth(5)).not.toHaveText('—')

  const download = page.waitForEvent('download')
  await results.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  const text = await (
    await file.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString('utf8'))
  const lines = text.trim().split(/\r\n/)
  expect(lines[0]!.split(',')).toContain('per_s')
  expect(lines).toHaveLength(5)
  for (const line of lines.slice(1)) expect(Number(line.split(',')[7])).toBeGreaterThan(0)
  await app.screenshot('activity-test-both-done')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('activity-test-both-dark')
})

test('during an import the Activity view shows the worker processes at work', async ({
  page,
  app
}, testInfo) => {
  const photos = join(testInfo.outputDir, 'photos')
  mkdirSync(photos, { recursive: true })
  for (let i = 0; i < 60; i++) {
    await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: { r: i * 4, g: 120, b: 200 - i * 3 }
      }
    })
      .jpeg()
      .toFile(join(photos, `photo-${i}.jpg`))
  }
  await page.getByRole('button', { name: 'Activity' }).click()
  const pool = page.getByRole('region', { name: 'Worker pool' })
  await expect(pool).toContainText('No worker pool running')
  const started = await page.evaluate(
    (dir) => window.api.invoke('library:import', { paths: [dir], urls: [] }),
    photos
  )
  expect(started.ok).toBe(true)
  await expect(pool).toContainText(/[1-9]\d* of \d+ workers busy/, { timeout: 30_000 })
  await expect(
    page
      .getByRole('region', { name: 'CPU by process' })
      .getByRole('rowheader', { name: /Image worker/ })
      .first()
  ).toBeVisible()
  // The CPU chart's workers line rises above zero: the charts move with the import.
  await expect(
    page.getByRole('region', { name: 'CPU by process' }).getByRole('img')
  ).toHaveAttribute('aria-label', /workers [1-9]\d* %/, { timeout: 30_000 })
  await app.screenshot('activity-live-import')
})
