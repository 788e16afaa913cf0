import type { Page } from '@playwright/test'

/**
 * What a page object drives: the app's current window. The fixture's AppHandle is one (its
 * `page` follows a restart); `{ page }` wraps a bare Page.
 */
export interface AppWindow {
  readonly page: Page
  /**
   * Desktop only: makes the native open dialog answer `paths` (the way a user grants Skyfolio
   * a path there); false where there is no dialog (the headless host takes typed paths).
   */
  stubOpenDialog?(paths: readonly string[]): Promise<boolean>
}
