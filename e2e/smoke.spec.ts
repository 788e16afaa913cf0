import { expect, test } from './fixtures/app'

const sections = ['Weather', 'Library', 'Activity'] as const

test('the app opens on the Weather view with its status bar', async ({ page }) => {
  await expect(page).toHaveTitle('Skyfolio')
  await expect(page.getByRole('button', { name: 'Weather' })).toHaveAttribute(
    'aria-current',
    'page'
  )
  await expect(page.getByRole('main', { name: 'Weather' })).toBeVisible()
  await expect(page.getByRole('status', { name: 'Background work' })).toBeVisible()
})

test('each view renders and is saved as a screenshot, light and dark', async ({ page, app }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const name of sections) {
      await page.getByRole('button', { name }).click()
      await expect(page.getByRole('main', { name })).toBeVisible()
      await expect(page.getByRole('button', { name })).toHaveAttribute('aria-current', 'page')
      await app.screenshot(`smoke-${name.toLowerCase()}-${scheme}`)
    }
  }
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).not.toBe('rgb(246, 247, 249)') // dark, not the light background
})

test('keyboard alone moves between views', async ({ page }) => {
  const weather = page.getByRole('button', { name: 'Weather' })
  await weather.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('main', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Library' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.getByRole('main', { name: 'Activity' })).toBeVisible()
  await page.keyboard.press('ArrowDown') // wraps around
  await expect(page.getByRole('main', { name: 'Weather' })).toBeVisible()
  await page.keyboard.press('Control+3')
  await expect(page.getByRole('main', { name: 'Activity' })).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(page.getByRole('main', { name: 'Weather' })).toBeVisible()
})

test('every control has an accessible name', async ({ page }) => {
  for (const name of sections) {
    await page.getByRole('button', { name }).click()
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, [role="button"]')]
        .filter((el) => {
          const label =
            el.getAttribute('aria-label') ??
            el.getAttribute('title') ??
            (el as HTMLInputElement).labels?.[0]?.textContent ??
            el.textContent
          return !label || !label.trim()
        })
        .map((el) => el.outerHTML.slice(0, 120))
    )
    expect(unnamed, `controls without a name in ${name}`).toEqual([])
  }
})

test('the chosen appearance applies at once and survives a restart', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.getByRole('combobox', { name: 'Appearance' }).selectOption('Dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const page2 = await app.restart()
  await page2.emulateMedia({ colorScheme: 'light' })
  await expect(page2.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page2.getByRole('combobox', { name: 'Appearance' })).toHaveValue('dark')
})

test('a request the contract does not know gets a typed error and the app stays up', async ({
  page
}) => {
  const reply = await page.evaluate(() =>
    (window.api.invoke as (c: string, p: unknown) => Promise<unknown>)('nope:never', {})
  )
  expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  const bad = await page.evaluate(() =>
    window.api.invoke('settings:update', { refreshIntervalMin: 1 } as never)
  )
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
  const info = await page.evaluate(() => window.api.invoke('app:info', {}))
  expect(info).toMatchObject({ ok: true, value: { name: 'Skyfolio' } })
})
