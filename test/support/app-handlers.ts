import { defaultSettings } from '@shared/contract'
import type { Handlers } from '../../src/main/platform/ipc/router'

/**
 * Handlers for the app's own requests with fixed answers, for tests of the plumbing around
 * them (router, host). Other domains' channels are absent: requests to them fail as internal.
 */
export function stubAppHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': () => ({
      name: 'Skyfolio',
      version: '1',
      platform: 'linux',
      cpuCount: 2,
      runtime: 'headless'
    }),
    'app:status': () => ({ tasks: [] }),
    'settings:get': () => defaultSettings,
    'settings:update': () => defaultSettings,
    'shell:open-external': () => ({ opened: false }),
    ...overrides
  } as Handlers
}
