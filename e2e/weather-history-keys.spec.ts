import { expect, test } from './fixtures/weather'

test('the history list is one Tab stop; arrows, Home/End, Space and Enter work its rows', async ({
  page,
  app,
  shell,
  weatherPage: desk,
  historyPage: history
}) => {
  await desk.addPlace('Paris', /Île-de-France/)
  await expect(desk.placesUpdatedJustNow).toBeVisible()
  for (let i = 0; i < 4; i++) {
    await desk.refreshAll()
    await expect(desk.refreshAllButton).toBeEnabled()
  }
  await history.show()
  await expect(history.summary('5 reports')).toBeVisible()

  const rows = history.rows
  await expect(rows).toHaveCount(5)
  const open = (n: number) => history.openButton(n)

  // Tab from the filters reaches the list once, on its first row.
  await history.placeFilter.focus()
  for (let i = 0; i < 10 && !(await history.hasFocus()); i++) await page.keyboard.press('Tab')
  await expect(open(0)).toBeFocused()
  await expect(history.tabStops).toHaveCount(1)

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(open(2)).toBeFocused()
  await expect(history.tabStops).toHaveCount(1)
  await expect(open(2)).toHaveAttribute('tabindex', '0')

  // Space picks the focused row to compare; it does not open it.
  await page.keyboard.press('Space')
  await expect(history.pickBox(2)).toBeChecked()
  await expect(history.summary('1 of 2 picked to compare')).toBeVisible()
  await expect(history.dialogs).toHaveCount(0)
  await expect(open(2)).toBeFocused()

  await app.screenshot('weather-history-keys-light')
  await shell.useColorScheme('dark')
  await app.screenshot('weather-history-keys-dark')
  await shell.useColorScheme('light')

  await page.keyboard.press('End')
  await expect(open(4)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(open(4)).toBeFocused()
  await page.keyboard.press('Home')
  await expect(open(0)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(open(0)).toBeFocused()
  await page.keyboard.press('PageDown')
  await expect(open(4)).toBeFocused()
  await page.keyboard.press('PageUp')
  await expect(open(0)).toBeFocused()

  // Tab leaves the list from any row; Shift+Tab comes back to the row it left.
  await page.keyboard.press('End')
  await expect(open(4)).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await history.hasFocus()).toBe(false)
  await page.keyboard.press('Shift+Tab')
  await expect(open(4)).toBeFocused()

  // Enter opens the focused row's report, as a click does; closing returns focus to it.
  await page.keyboard.press('Enter')
  await expect(history.reportDialog).toContainText('shown exactly as it was then')
  await history.closeDialog()
  await expect(history.reportDialog).toBeHidden()
  await expect(open(4)).toBeFocused()
})
