import { dialog, Notification, shell, type BrowserWindow } from 'electron'
import type { DesktopBridge } from '../platform/desktop'
import type { Logger } from '../platform/log'
import { isExternalHttpsUrl } from '../security/navigation'
import { chosenPaths, importDialogOptions, progressBarValue } from './desktop-values'

/** The core's desktop, done with Electron: OS browser, file manager, taskbar, notifications. */
export function electronDesktop(
  mainWindow: () => BrowserWindow | null,
  log: Logger
): DesktopBridge {
  const liveWindow = (): BrowserWindow | null => {
    const win = mainWindow()
    return win && !win.isDestroyed() ? win : null
  }
  return {
    async openExternal(url) {
      if (!isExternalHttpsUrl(url)) return false
      try {
        await shell.openExternal(url)
        return true
      } catch (error) {
        log.warn('the OS browser did not open a link', { error })
        return false
      }
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path)
    },
    setProgress(fraction) {
      liveWindow()?.setProgressBar(progressBarValue(fraction))
    },
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
    async chooseImportSources() {
      const win = liveWindow()
      const result = win
        ? await dialog.showOpenDialog(win, importDialogOptions)
        : await dialog.showOpenDialog(importDialogOptions)
      return chosenPaths(result)
    },
    async trashItem(path) {
      await shell.trashItem(path)
      return true
    }
  }
}
