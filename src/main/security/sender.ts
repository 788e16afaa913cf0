import { isAppUrl } from './app-origin'

/** What the shell reads off an IPC event's sender, as plain data. */
export interface SenderInfo {
  /** webContents id of the sender. */
  readonly webContentsId: number
  /** URL of the sending frame; null when the frame is gone (navigated away or destroyed). */
  readonly frameUrl: string | null
  /** True for the top frame of its page, false for any iframe. */
  readonly isMainFrame: boolean
}

/**
 * IPC is accepted only from the top frame of a window the app created, while it shows the
 * app's own origin: not from an iframe, a foreign page, or a frame that has gone away.
 */
export function isTrustedSender(
  sender: SenderInfo | null,
  trustedWebContents: ReadonlySet<number>
): boolean {
  return (
    sender !== null &&
    trustedWebContents.has(sender.webContentsId) &&
    sender.isMainFrame &&
    isAppUrl(sender.frameUrl)
  )
}
