import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures/weather'
import { repoRoot } from './fixtures/runtime'

const sizes = [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 }
] as const
const shotDir = join(repoRoot, 'test-results/screens')

/** The document or a dialog wider than its box (sideways scrolling). */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.documentElement, document.body, ...document.querySelectorAll('main, [role="dialog"]')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}: ${el.scrollWidth} > ${el.clientWidth}`)
  )
}

test('compare overlays two places as "A vs B"; History charts one mark per stored report', async ({
  page,
  shell,
  weatherPage: desk,
  historyPage: history
}) => {
  test.setTimeout(240_000)
  await desk.addPlace('Sydney', /New South Wales/)
  await desk.addPlace('Anchorage', /Alaska/)
  for (let i = 0; i < 2; i++) {
    await desk.refreshAll()
    await expect(desk.refreshAllButton).toBeEnabled()
  }

  // History, filtered to Sydney: the chart beside the list has a mark per stored report.
  await history.show()
  await history.placeFilter.selectOption({ label: 'Sydney, New South Wales, AU' })
  const sydneyRows = await history.rows.count()
  expect(sydneyRows).toBeGreaterThanOrEqual(3)
  await expect(history.summary(`${sydneyRows} reports`)).toBeVisible()
  const chart = page.getByRole('region', { name: 'What Sydney’s reports said over time' })
  const drawing = chart.getByRole('img', { name: /^What each report said when fetched/ })
  await expect(drawing).toHaveAttribute('data-reports', String(sydneyRows))
  await expect(drawing.locator('[data-report]')).toHaveCount(sydneyRows)
  await expect(drawing).toHaveAttribute('aria-label', new RegExp(`: ${sydneyRows} reports,`))

  // All places: the chart follows the active row's place.
  await history.clearFilters()
  await expect(history.rows).toHaveCount(sydneyRows * 2)

  // Two places compared: named by place, not "older → newer".
  await history.rows.filter({ hasText: 'Sydney' }).first().getByRole('checkbox').check()
  await history.rows.filter({ hasText: 'Anchorage' }).first().getByRole('checkbox').check()
  await history.compare()
  const overlay = history.compareDialog.getByRole('region', {
    name: /^(Sydney vs Anchorage|Anchorage vs Sydney)$/
  })
  await expect(overlay).toBeVisible()
  await expect(overlay.getByRole('img')).toHaveAttribute(
    'aria-label',
    /^(Sydney vs Anchorage|Anchorage vs Sydney), the 48 hours after each report was fetched: /
  )
  await expect(overlay.locator('[data-series]')).toHaveCount(2)
  await expect(history.compareDialog).not.toContainText(/older|newer/i)
  await page.screenshot({ path: join(shotDir, 'compare-chart-two-places-light.png') })
  await expect(history.dayByDay).toBeVisible()
  await history.closeDialog()

  // One place at two times: named by fetch time.
  const sydney = history.rows.filter({ hasText: 'Sydney' })
  await history.rows.filter({ hasText: 'Anchorage' }).first().getByRole('checkbox').uncheck()
  await sydney.last().getByRole('checkbox').check()
  await history.compare()
  await expect(
    history.compareDialog.getByRole('region', { name: /^Sydney \S.* vs Sydney \S.*$/ })
  ).toBeVisible()
  await history.closeDialog()

  // Screenshots of both at three sizes, light and dark, with no sideways scrolling.
  const failures: string[] = []
  await history.placeFilter.selectOption({ label: 'Sydney, New South Wales, AU' })
  for (const scheme of ['light', 'dark'] as const) {
    await shell.chooseAppearance(scheme === 'light' ? 'Light' : 'Dark')
    for (const size of sizes) {
      await page.setViewportSize(size)
      await expect(drawing).toBeVisible()
      await page.evaluate(() => {
        window.scrollTo(0, 0)
        document.querySelectorAll('main').forEach((m) => m.scrollTo(0, 0))
      })
      const name = `${size.width}x${size.height}-${scheme}`
      await page.screenshot({ path: join(shotDir, `history-chart-${name}.png`) })
      for (const o of await overflows(page)) failures.push(`history ${name}: ${o}`)
      await history.pickBoxes.nth(0).check()
      await history.pickBoxes.nth(sydneyRows - 1).check()
      await history.compare()
      await expect(history.compareDialog.getByRole('img').first()).toBeVisible()
      await page.screenshot({ path: join(shotDir, `compare-chart-${name}.png`) })
      for (const o of await overflows(page)) failures.push(`compare ${name}: ${o}`)
      await history.closeDialog()
      await history.pickBoxes.nth(0).uncheck()
      await history.pickBoxes.nth(sydneyRows - 1).uncheck()
    }
  }
  expect(failures).toEqual([])
})
