import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect, test } from './fixtures/app'

test('the Activity view charts move while the app works', async ({ app, shell, activityPage }) => {
  await activityPage.open()
  await expect(activityPage.chart('Main event loop')).toHaveAttribute('aria-label', /p99 \d/, {
    timeout: 10_000
  })
  await expect(activityPage.process(/Main/)).toBeVisible()
  const first = await activityPage.chart('Renderer frames').getAttribute('aria-label')
  await app.page.waitForTimeout(1200)
  const later = await activityPage.chart('Renderer frames').getAttribute('aria-label')
  expect(later).not.toBe('')
  expect(first).toBeTruthy()
  // Main's loop delay over the whole time the view has been open, from its lease renewals.
  await expect(activityPage.card('Main event loop')).toContainText(
    /Since this view opened \(\d+ s\): p99 \d+\.\d ms, max \d+\.\d ms/,
    { timeout: 10_000 }
  )
  await app.screenshot('activity-live-light')
  await shell.useColorScheme('dark')
  await app.screenshot('activity-live-dark')
})

test('"test both" on a small generated set shows a row per strategy and exports a CSV that parses', async ({
  app,
  shell,
  activityPage
}) => {
  test.setTimeout(180_000)
  await activityPage.open()
  await activityPage.openTestBoth()
  await activityPage.runComparison({ photos: 4, maxWorkers: 2, refreshWeather: false })
  await expect(activityPage.runProgress).toBeVisible()
  await app.screenshot('activity-test-both-running')
  await expect(activityPage.runProgress).toBeHidden({ timeout: 150_000 })

  const rows = activityPage.resultRows
  await expect(rows).toHaveCount(1 + 4) // header + main, threads, processes × 1, × 2
  await expect(activityPage.strategy(/Main process/)).toBeVisible()
  await expect(activityPage.strategy(/Worker processes × 2/)).toBeVisible()
  await expect(activityPage.speedupChart(/processes × 2 \d/)).toBeVisible()
  // The window's own figures arrive for each strategy.
  await expect(rows.nth(1).getByRole('cell').nth(5)).not.toHaveText('—')

  const text = await activityPage.exportCsv()
  const lines = text.trim().split(/\r\n/)
  expect(lines[0]!.split(',')).toContain('per_s')
  expect(lines).toHaveLength(5)
  for (const line of lines.slice(1)) expect(Number(line.split(',')[7])).toBeGreaterThan(0)
  await app.screenshot('activity-test-both-done')
  await shell.useColorScheme('dark')
  await app.screenshot('activity-test-both-dark')
})

test('during an import the Activity view shows the worker processes at work', async ({
  page,
  app,
  activityPage
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
  await activityPage.open()
  const pool = activityPage.card('Worker pool')
  await expect(pool).toContainText('No worker pool running')
  const started = await page.evaluate(
    (dir) => window.api.invoke('library:import', { paths: [dir], urls: [] }),
    photos
  )
  expect(started.ok).toBe(true)
  await expect(pool).toContainText(/[1-9]\d* of \d+ workers busy/, { timeout: 30_000 })
  await expect(activityPage.process(/Image worker/).first()).toBeVisible()
  // The CPU chart's workers line rises above zero: the charts move with the import.
  await expect(activityPage.chart('CPU by process')).toHaveAttribute(
    'aria-label',
    /workers [1-9]\d* %/,
    { timeout: 30_000 }
  )
  await app.screenshot('activity-live-import')
})
