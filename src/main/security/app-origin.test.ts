import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, isAppUrl } from './app-origin'

describe('app scheme', () => {
  it('is a standard secure scheme that never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false })
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false)
  })

  it('loads its entry page from its own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
  })
})
