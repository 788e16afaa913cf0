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
  await app.screenshot('activity-live-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('activity-live-dark')
})
