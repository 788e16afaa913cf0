import { addPlace, expect, test } from './fixtures/weather'

test('the history list is one Tab stop; arrows, Home/End, Space and Enter work its rows', async ({
  page,
  app
}) => {
  await addPlace(page, 'Paris', /Île-de-France/)
  await expect(
    page.getByRole('list', { name: 'Places' }).getByText('Updated just now')
  ).toBeVisible()
  const refresh = page.getByRole('button', { name: 'Refresh all' })
  for (let i = 0; i < 4; i++) {
    await refresh.click()
    await expect(refresh).toBeEnabled()
  }
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByText('5 reports')).toBeVisible()

  const list = page.getByRole('list', { name: 'Stored reports' })
  const rows = list.getByRole('listitem')
  await expect(rows).toHaveCount(5)
  const open = (n: number) => rows.nth(n).getByRole('button', { name: /^Open the report/ })
  const focusInList = () => list.evaluate((el) => el.contains(document.activeElement))

  // Tab from the filters reaches the list once, on its first row.
  await page.getByRole('combobox', { name: 'Filter by place' }).focus()
  for (let i = 0; i < 10 && !(await focusInList()); i++) await page.keyboard.press('Tab')
  await expect(open(0)).toBeFocused()
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1)

  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(open(2)).toBeFocused()
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1)
  await expect(open(2)).toHaveAttribute('tabindex', '0')

  // Space picks the focused row to compare; it does not open it.
  await page.keyboard.press('Space')
  await expect(rows.nth(2).getByRole('checkbox')).toBeChecked()
  await expect(page.getByText('1 of 2 picked to compare')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(open(2)).toBeFocused()

  await app.screenshot('weather-history-keys-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('weather-history-keys-dark')
  await page.emulateMedia({ colorScheme: 'light' })

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
  expect(await focusInList()).toBe(false)
  await page.keyboard.press('Shift+Tab')
  await expect(open(4)).toBeFocused()

  // Enter opens the focused row's report, as a click does; closing returns focus to it.
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Stored report' })
  await expect(dialog).toContainText('shown exactly as it was then')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(open(4)).toBeFocused()
})
