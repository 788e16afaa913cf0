import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL } from './app-origin'
import { isTrustedSender, type SenderInfo } from './sender'

const trusted = new Set([7])
const appTop: SenderInfo = { webContentsId: 7, frameUrl: APP_ENTRY_URL, isMainFrame: true }

describe('isTrustedSender', () => {
  it("accepts the app's own top frame", () => {
    expect(isTrustedSender(appTop, trusted)).toBe(true)
  })

  it('refuses an iframe, even one on the app origin', () => {
    expect(isTrustedSender({ ...appTop, isMainFrame: false }, trusted)).toBe(false)
  })

  it('refuses a top frame showing a foreign page', () => {
    for (const frameUrl of ['https://example.org/', 'file:///tmp/x.html', 'app://other/']) {
      expect(isTrustedSender({ ...appTop, frameUrl }, trusted)).toBe(false)
    }
  })

  it('refuses a webContents the app did not create', () => {
    expect(isTrustedSender({ ...appTop, webContentsId: 8 }, trusted)).toBe(false)
  })

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender({ ...appTop, frameUrl: null }, trusted)).toBe(false)
    expect(isTrustedSender(null, trusted)).toBe(false)
  })

  it('refuses everything once the window is no longer trusted', () => {
    expect(isTrustedSender(appTop, new Set())).toBe(false)
  })
})
