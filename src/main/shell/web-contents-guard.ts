import type { WebContents } from 'electron'
import type { Logger } from '../platform/log'
import { navigationDecision, windowOpenDecision } from '../security/navigation'

/**
 * Applied to every webContents the app ever creates: frames stay on the app's origin, no
 * new windows, no <webview>. https links leave through the OS browser.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  log: Logger
): void {
  contents.on('will-frame-navigate', (event) => {
    const decision = navigationDecision(event.url)
    if (decision.action === 'allow') return
    event.preventDefault()
    // Only a top-level click is the user's intent; a frame navigating by itself is not.
    if (decision.external && event.isMainFrame) openExternal(decision.external)
    else log.warn('blocked a navigation away from the app', { scheme: event.url.split(':')[0] })
  })
  contents.on('will-redirect', (event) => {
    if (navigationDecision(event.url).action !== 'allow') event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url)
    if (decision.external) openExternal(decision.external)
    return { action: decision.action }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
