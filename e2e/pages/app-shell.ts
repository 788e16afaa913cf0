import { expect, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

export const sections = ['Weather', 'Library', 'Activity'] as const
export type Section = (typeof sections)[number]

/** The frame around every view: the section list, the appearance choice, the status bar. */
export class AppShell {
  constructor(private readonly app: AppWindow) {}

  get page(): Page {
    return this.app.page
  }
  /** The section's entry in the navigation. */
  section(name: Section): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name })
  }
  /** The open view, named after its section. */
  view(name: Section): Locator {
    return this.page.getByRole('main', { name })
  }
  /** The footer: a live region over background work (the page's contentinfo landmark). */
  get statusBar(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Background work' })
  }
  get appearance(): Locator {
    return this.page.getByRole('combobox', { name: 'Appearance' })
  }
  /** <html>, which carries the applied theme in data-theme. */
  get document(): Locator {
    return this.page.locator('html')
  }

  /** Clicks the section in the navigation. */
  async select(name: Section): Promise<void> {
    await this.section(name).click()
  }
  /** Opens the section and waits until its view shows. */
  async open(name: Section): Promise<void> {
    await this.select(name)
    await expect(this.view(name)).toBeVisible()
  }
  /** What the OS says: light or dark (the app follows it under "Match system"). */
  async useColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme: scheme })
  }
  /** The collapsed sidebar's stand-in for the select: steps through the themes. */
  get appearanceButton(): Locator {
    return this.page.getByRole('button', { name: /^Appearance: / })
  }
  async chooseAppearance(label: 'Match system' | 'Light' | 'Dark'): Promise<void> {
    if (await this.appearance.isVisible()) {
      await this.appearance.selectOption(label)
      return
    }
    const chosen = new RegExp(`^Appearance: ${label}\\.`)
    for (let step = 0; step < 3; step++) {
      if (chosen.test((await this.appearanceButton.getAttribute('aria-label')) ?? '')) return
      await this.appearanceButton.click()
    }
    await expect(this.appearanceButton).toHaveAttribute('aria-label', chosen)
  }
}
