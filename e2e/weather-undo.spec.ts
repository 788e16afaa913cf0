import { expect, test } from './fixtures/weather'

test('removing a place can be undone with the notice or Ctrl/Cmd+Z', async ({
  page,
  app,
  shell,
  weatherPage: desk
}) => {
  await desk.addPlace('Paris', /Île-de-France/)
  await desk.addPlace('Berlin', /Berlin/)
  const names = desk.placeNames
  await expect(desk.placesUpdatedJustNow).toHaveCount(2)
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])

  // Removing the home place: the notice names it and offers Undo.
  await desk.removePlace('Paris')
  await expect(names).toHaveText(['⌂Berlin'])
  const notice = desk.undoNotice
  await expect(notice).toHaveText(/Removed Paris, Île-de-France, FR\./)
  await app.screenshot('weather-undo-light')
  await shell.useColorScheme('dark')
  await app.screenshot('weather-undo-dark')
  await shell.useColorScheme('light')

  // Undo: back first, home again, with its report.
  await desk.undo()
  await expect(names).toHaveText(['⌂Paris', 'Berlin'])
  await expect(desk.placesUpdatedJustNow).toHaveCount(2)
  await expect(desk.removedText).toBeHidden()

  // A second removal replaces the notice; the shortcut undoes it, but not while typing.
  await desk.removePlace('Paris')
  await desk.removePlace('Berlin')
  await expect(notice).toHaveText(/Removed Berlin, .*\./)
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control'
  await desk.search.focus()
  await page.keyboard.press(`${mod}+z`)
  await expect(desk.emptyMessage).toBeVisible()
  await desk.search.blur()
  await page.keyboard.press(`${mod}+z`)
  await expect(names).toHaveText(['⌂Berlin'])
  await expect(desk.removedText).toBeHidden()

  // Dismissed, the notice goes and the removal stands.
  await desk.removePlace('Berlin')
  await desk.dismissUndo()
  await expect(desk.removedText).toBeHidden()
  await expect(desk.emptyMessage).toBeVisible()
})
