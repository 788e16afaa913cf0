import { type AppConfig, readConfig } from '../../src/main/core/config'

/** The app's settings as an empty environment gives them, with no automatic refresh. */
export const testConfig = (overrides: Partial<AppConfig> = {}): AppConfig => ({
  ...readConfig({}, 'linux'),
  autoRefresh: false,
  ...overrides
})
