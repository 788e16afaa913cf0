import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT, IPC_GRANT_FILE, IPC_REQUEST } from '@shared/contract/ipc-channels'
import type { Core } from '../core/core'
import type { Logger } from '../platform/log'
import { isTrustedSender, type SenderInfo } from '../security/sender'
import { EventGate } from './event-gate'

export interface IpcBridge {
  /** Trusts a window's top frame, carries events to it; undone when the window closes. */
  attach(win: BrowserWindow): void
  dispose(): void
}

const senderInfo = (event: IpcMainInvokeEvent): SenderInfo | null => {
  const frame = event.senderFrame
  if (!frame || frame.isDestroyed()) return null
  return { webContentsId: event.sender.id, frameUrl: frame.url, isMainFrame: frame.parent === null }
}

/** Longest path a grant may carry, as the contract's path fields. */
const MAX_PATH = 8192

/**
 * The Electron side of the contract: one invoke channel into the core's router, one event
 * channel out of its bus. Only the app's own top frame is heard.
 */
export function createIpcBridge(
  core: Pick<Core, 'router' | 'bus' | 'grants'>,
  log: Logger
): IpcBridge {
  const trusted = new Set<number>()
  // Requests in flight per page load: a reload or a closed window cancels them.
  const inflight = new Map<number, AbortController>()
  const detachers = new Set<() => void>()

  ipcMain.handle(IPC_REQUEST, (event, channel: unknown, params: unknown) => {
    if (!isTrustedSender(senderInfo(event), trusted)) {
      log.warn('refused a request from a frame that is not the app', {
        channel: String(channel).slice(0, 100)
      })
      throw new Error('Refused: not the app window.')
    }
    const signal = inflight.get(event.sender.id)?.signal
    return core.router.dispatch(channel, params, signal ? { signal } : {})
  })

  // Only the preload sends here, with what webUtils.getPathForFile said of a File the user
  // dropped or pasted: the page has no ipcRenderer, and cannot make Electron name a path for a
  // File it built itself. (A renderer compromised below JavaScript could send here; Electron
  // gives main no way to see a drop, so the sender check is the line main can hold.)
  ipcMain.handle(IPC_GRANT_FILE, (event, path: unknown) => {
    if (!isTrustedSender(senderInfo(event), trusted)) {
      log.warn('refused a file grant from a frame that is not the app')
      throw new Error('Refused: not the app window.')
    }
    const granted = typeof path === 'string' && path.length <= MAX_PATH && core.grants.grant(path)
    if (!granted) log.warn('refused a file grant that is not an absolute path')
    return granted
  })

  return {
    attach(win) {
      const contents = win.webContents
      const id = contents.id
      trusted.add(id)
      const gate = new EventGate(({ event, payload }) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT, event, payload)
      })
      const renewLoad = (): void => {
        inflight.get(id)?.abort()
        inflight.set(id, new AbortController())
      }
      renewLoad()
      const disconnect = core.bus.connect((event, payload) => gate.push(event, payload))
      const onStart = (): void => {
        gate.closed()
        renewLoad()
      }
      const onLoaded = (): void => {
        gate.opened()
        const dropped = gate.takeDropped()
        if (dropped) log.warn('dropped events while the window was loading', { dropped })
      }
      contents.on('did-start-loading', onStart)
      contents.on('did-finish-load', onLoaded)
      const detach = (): void => {
        trusted.delete(id)
        inflight.get(id)?.abort()
        inflight.delete(id)
        disconnect()
        detachers.delete(detach)
      }
      detachers.add(detach)
      contents.once('destroyed', detach)
    },
    dispose() {
      for (const detach of [...detachers]) detach()
      ipcMain.removeHandler(IPC_REQUEST)
      ipcMain.removeHandler(IPC_GRANT_FILE)
    }
  }
}
