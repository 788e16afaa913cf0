import { expect, test } from './fixtures/app'
import { sections } from './pages/app-shell'

test('the app opens on the Weather view with its status bar', async ({ page, shell }) => {
  await expect(page).toHaveTitle('Skyfolio')
  await expect(shell.section('Weather')).toHaveAttribute('aria-current', 'page')
  await expect(shell.view('Weather')).toBeVisible()
  await expect(shell.statusBar).toBeVisible()
})

test('each view renders and is saved as a screenshot, light and dark', async ({
  page,
  app,
  shell
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    await shell.useColorScheme(scheme)
    for (const name of sections) {
      await shell.select(name)
      await expect(shell.view(name)).toBeVisible()
      await expect(shell.section(name)).toHaveAttribute('aria-current', 'page')
      await app.screenshot(`smoke-${name.toLowerCase()}-${scheme}`)
    }
  }
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).not.toBe('rgb(246, 247, 249)') // dark, not the light background
})

test('keyboard alone moves between views', async ({ page, shell }) => {
  await shell.section('Weather').focus()
  await page.keyboard.press('ArrowDown')
  await expect(shell.view('Library')).toBeVisible()
  await expect(shell.section('Library')).toBeFocused()
  await page.keyboard.press('End')
  await expect(shell.view('Activity')).toBeVisible()
  await page.keyboard.press('ArrowDown') // wraps around
  await expect(shell.view('Weather')).toBeVisible()
  await page.keyboard.press('Control+3')
  await expect(shell.view('Activity')).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(shell.view('Weather')).toBeVisible()
})

test('every control has an accessible name', async ({ page, shell }) => {
  for (const name of sections) {
    await shell.select(name)
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

test('the chosen appearance applies at once and survives a restart', async ({ app, shell }) => {
  await shell.useColorScheme('light')
  await expect(shell.document).toHaveAttribute('data-theme', 'light')
  await shell.chooseAppearance('Dark')
  await expect(shell.document).toHaveAttribute('data-theme', 'dark')
  await app.restart()
  await shell.useColorScheme('light')
  await expect(shell.document).toHaveAttribute('data-theme', 'dark')
  await expect(shell.appearance).toHaveValue('dark')
})

test('in a narrow window the collapsed sidebar switches the appearance from one icon button', async ({
  page,
  shell
}) => {
  await page.setViewportSize({ width: 900, height: 600 })
  await expect(shell.appearance).toBeHidden()
  await expect(shell.appearanceButton).toHaveAttribute('aria-label', /^Appearance: Match system\./)
  await shell.appearanceButton.click()
  await expect(shell.document).toHaveAttribute('data-theme', 'light')
  await shell.appearanceButton.click()
  await expect(shell.document).toHaveAttribute('data-theme', 'dark')
  await expect(shell.appearanceButton).toHaveAttribute('aria-label', /^Appearance: Dark\./)
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
