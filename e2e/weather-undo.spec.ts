import { addPlace, expect, test } from './fixtures/weather'

test('removing a place can be undone with the notice or Ctrl/Cmd+Z', async ({ page, app }) => {
  await addPlace(page, 'Paris', /Île-de-France/)
  await addPlace(page, 'Berlin', /Berlin/)
  const places = page.getByRole('list', { name: 'Places' })
  const names = places.locator('.wx-place-name')
  await expect(places.getByText('Updated just now')).toHaveCount(2)
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])

  // Removing the home place: the notice names it and offers Undo.
  await places.getByRole('button', { name: 'Remove Paris' }).click()
  await expect(names).toHaveText(['⌂Berlin'])
  const notice = page.getByRole('status').filter({ hasText: 'Removed' })
  await expect(notice).toHaveText(/Removed Paris, Île-de-France, FR\./)
  await app.screenshot('weather-undo-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await app.screenshot('weather-undo-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Undo: back first, home again, with its report.
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])
  await expect(places.getByText('Updated just now')).toHaveCount(2)
  await expect(page.getByText(/^Removed /)).toBeHidden()

  // A second removal replaces the notice; the shortcut undoes it, but not while typing.
  await places.getByRole('button', { name: 'Remove Paris' }).click()
  await places.getByRole('button', { name: 'Remove Berlin' }).click()
  await expect(notice).toHaveText(/Removed Berlin, .*\./)
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
  const search = page.getByRole('combobox', { name: 'Search for a place to add' })
  await search.focus()
  await page.keyboard.press(`${mod}+z`)
  await expect(page.getByText('Search for a place above')).toBeVisible()
  await search.blur()
  await page.keyboard.press(`${mod}+z`)
  await expect(names).toHaveText(['⌂Berlin'])
  await expect(page.getByText(/^Removed /)).toBeHidden()

  // Dismissed, the notice goes and the removal stands.
  await places.getByRole('button', { name: 'Remove Berlin' }).click()
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByText(/^Removed /)).toBeHidden()
  await expect(page.getByText('Search for a place above')).toBeVisible()
})
