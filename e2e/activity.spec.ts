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

test('"test both" on a small generated set charts every figure, gives a verdict and exports every repeat', async ({
  app,
  shell,
  activityPage
}) => {
  test.setTimeout(180_000)
  const repeats = 1
  await activityPage.open()
  await activityPage.openTestBoth()
  await activityPage.runComparison({ photos: 4, maxWorkers: 2, refreshWeather: false, repeats })
  await expect(activityPage.runProgress).toBeVisible()
  await app.screenshot('activity-test-both-running')
  await expect(activityPage.runProgress).toBeHidden({ timeout: 150_000 })

  const rows = activityPage.resultRows
  await expect(rows).toHaveCount(1 + 4) // header + main, threads, processes × 1, × 2
  await expect(activityPage.strategy(/Main process/)).toBeVisible()
  await expect(activityPage.strategy(/Worker processes × 2/)).toBeVisible()
  // The computed sentence, and every dimension charted per strategy.
  await expect(activityPage.verdict).toContainText(/worker process/i)
  await expect(activityPage.verdict).toContainText(/main process/i)
  await expect(activityPage.figureChart('Throughput')).toHaveAttribute(
    'aria-label',
    /processes × 2 \d/
  )
  await expect(activityPage.figureChart("Main's loop delay p99")).toHaveAttribute(
    'aria-label',
    /main \d/
  )
  await expect(activityPage.figureChart("Main's memory before → after (retained)")).toBeVisible()
  // The window's own figures arrive for each strategy, the first one's too.
  await expect(rows.nth(1).getByRole('cell').nth(5)).not.toHaveText('—')
  await expect(activityPage.figureChart("The window's input p99")).toHaveAttribute(
    'aria-label',
    /main \d/
  )

  const text = await activityPage.exportCsv()
  const lines = text.trim().split(/\r\n/)
  expect(lines[0]!.split(',')).toContain('per_s')
  expect(lines).toHaveLength(1 + 4 * repeats) // one row per measured pass
  for (const line of lines.slice(1)) expect(Number(line.split(',')[7])).toBeGreaterThan(0)
  // The first row's window figures (renderer_long_tasks) are stored too.
  const longTasks = lines[0]!.split(',').indexOf('renderer_long_tasks')
  expect(lines[1]!.split(',')[longTasks]).not.toBe('')
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
  await makePhotos(photos, 60)
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
  // A worker's layer of the stacked CPU chart rises above zero: the charts move with the import.
  await expect(activityPage.chart('CPU by process')).toHaveAttribute(
    'aria-label',
    /Image worker \d+ [1-9]\d* %/,
    { timeout: 30_000 }
  )
  await app.screenshot('activity-live-import')
})

test('opened in the middle of an import, Live shows what main kept at once, and pauses', async ({
  page,
  app,
  activityPage
}, testInfo) => {
  test.setTimeout(180_000)
  const photos = join(testInfo.outputDir, 'photos')
  await makePhotos(photos, 40)
  const started = await page.evaluate(
    (dir) => window.api.invoke('library:import', { paths: [dir], urls: [] }),
    photos
  )
  expect(started.ok).toBe(true)
  // Main samples without a viewer: wait (elsewhere in the app) until its history has the
  // workers at work, then open the view.
  let kept = 0
  await expect
    .poll(
      async () => {
        const history = await page.evaluate(() => window.api.invoke('activity:history', {}))
        if (!history.ok) return false
        const samples = history.value.samples
        kept = samples.length > 1 ? (samples.at(-1)!.at - samples[0]!.at) / 1000 : 0
        return samples.some((s) => (s.pool?.busy ?? 0) > 0) && samples.length >= 6
      },
      { timeout: 120_000 }
    )
    .toBe(true)
  await activityPage.open()
  // The history is there at once: the charts span at least what main had kept.
  await expect.poll(() => activityPage.shownSeconds()).toBeGreaterThanOrEqual(Math.floor(kept))
  await expect(activityPage.chart('CPU by process')).toHaveAttribute('aria-label', /Image worker/)
  await expect(activityPage.chart('Memory by process')).toHaveAttribute('aria-label', /Main \d/)
  await expect(activityPage.chart('Main thread')).toHaveAttribute('aria-label', /busy \d/)
  await app.screenshot('activity-live-history')

  // Pause holds the charts still while samples keep arriving (the lease's figures below the
  // chart keep moving: they show time passed).
  const since = activityPage.card('Main event loop').getByText(/Since this view opened/)
  await expect(since).toBeVisible({ timeout: 10_000 })
  await activityPage.pauseButton.click()
  await expect(activityPage.pauseButton).toHaveAttribute('aria-pressed', 'true')
  await expect(activityPage.liveStatus).toContainText('Paused at')
  const held = await activityPage.chart('Main event loop').getAttribute('aria-label')
  await expect(since).not.toHaveText((await since.textContent())!, { timeout: 20_000 })
  expect(await activityPage.chart('Main event loop').getAttribute('aria-label')).toBe(held)
  await activityPage.pauseButton.click()
  await expect(activityPage.pauseButton).toHaveAttribute('aria-pressed', 'false')
})

async function makePhotos(dir: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    await sharp({
      create: {
        width: 1600,
        height: 1200,
        channels: 3,
        background: { r: i * 4, g: 120, b: 200 - i * 3 }
      }
    })
      .jpeg()
      .toFile(join(dir, `photo-${i}.jpg`))
  }
}

test('"test both" runs the download-and-process workload at the latency the form sets', async ({
  activityPage
}) => {
  test.setTimeout(360_000) // a loaded 2-core machine took 2.6 min
  await activityPage.open()
  await activityPage.openTestBoth()
  await activityPage.runComparison({
    photos: 4,
    maxWorkers: 1,
    refreshWeather: false,
    repeats: 1,
    workload: 'Download and process',
    latencyMs: 40
  })
  await expect(activityPage.runProgress).toBeVisible()
  await expect(activityPage.runProgress).toBeHidden({ timeout: 330_000 })
  await expect(activityPage.results).toContainText('40 ms per download')
  await expect(activityPage.strategy(/One at a time/)).toBeVisible()
  await expect(activityPage.strategy(/Pipeline/)).toBeVisible()
  await expect(activityPage.verdict).not.toBeEmpty()
})
