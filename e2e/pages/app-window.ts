import type { Page } from '@playwright/test'

/**
 * What a page object drives: the app's current window. The fixture's AppHandle is one (its
 * `page` follows a restart); `{ page }` wraps a bare Page.
 */
export interface AppWindow {
  readonly page: Page
}
