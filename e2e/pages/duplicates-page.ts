import { expect, type Locator, type Page } from '@playwright/test'
import type { AppWindow } from './app-window'

/**
 * The library's Duplicates tab: groups side by side, each photo a tile (role "group", named by
 * the file), "Keep this one" per tile, "Not duplicates" per group, and keys for all of it.
 */
export class DuplicatesPage {
  constructor(private readonly app: AppWindow) {}

  get page(): Page {
    return this.app.page
  }
  /** The tab, with the count of photos that have a duplicate. */
  get tab(): Locator {
    return this.page.getByRole('tab', { name: /^Duplicates/ })
  }
  async open(): Promise<void> {
    await this.tab.click()
    await expect(this.pane).toBeVisible()
  }
  get pane(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Duplicates' })
  }
  get toolbar(): Locator {
    return this.pane.getByRole('toolbar', { name: 'Duplicates' })
  }
  /** The line that lists the keys. */
  get keysHint(): Locator {
    return this.pane.locator('#duplicate-keys')
  }
  get list(): Locator {
    return this.pane.getByRole('list', { name: 'Duplicate groups' })
  }
  /** The groups on the page (not the photo lists inside them). */
  get groups(): Locator {
    return this.list.locator(':scope > [role="listitem"]')
  }
  /** The group that shows a photo of this name. */
  groupWith(name: string): Locator {
    // An inner locator is matched inside each group: it starts from the page, not the pane.
    return this.groups.filter({ has: this.tile(name, this.page) })
  }
  /** A photo's tile: its accessible name starts with the file name. */
  tile(name: string, within: Locator | Page = this.pane): Locator {
    return within.getByRole('group', { name: new RegExp(`^${escape(name)}(,|$)`) })
  }
  tiles(group: Locator): Locator {
    return group.locator('[data-tile]')
  }
  /** The tile marked as the copy to keep. */
  suggested(group: Locator): Locator {
    return group.locator('[data-tile][data-best="true"]')
  }
  async keep(name: string): Promise<void> {
    await this.tile(name)
      .getByRole('button', { name: /^Keep this one/ })
      .click()
  }
  async notDuplicates(group: Locator): Promise<void> {
    await group.getByRole('button', { name: 'Not duplicates' }).click()
  }
  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'No duplicates found' })
  }
  get showEveryGroup(): Locator {
    return this.toolbar.getByRole('button', { name: 'Show every group' })
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
