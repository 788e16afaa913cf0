import { join } from 'node:path'
import {
  app,
  dialog,
  net,
  powerMonitor,
  protocol,
  session,
  shell,
  type BrowserWindow
} from 'electron'
import { type AppConfig, ConfigError, readConfig } from '../core/config'
import { createCore, type Core } from '../core/core'
import { createLogger } from '../platform/log'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../security/app-origin'
import { isExternalHttpsUrl } from '../security/navigation'
import { allowPermission } from '../security/permissions'
import { StoreOpenError } from '../platform/store/database'
import { samplesFromAppMetrics } from './app-metrics'
import { registerAppProtocol } from './app-protocol'
import { electronDesktop } from './electron-desktop'
import { createIpcBridge, type IpcBridge } from './ipc-bridge'
import { createMainWindow, loadApp, rememberPlacement } from './main-window'
import { installMenu } from './menu'
import { UtilityLauncher } from './utility-launcher'
import { createOnlineWatch, createWakeRefresh } from './wake-refresh'
import { guardWebContents } from './web-contents-guard'

const ONLINE_POLL_MS = 15_000

/** The Electron entry: one instance, one window, the same core as the headless host. */
export function startElectronApp(): void {
  let config: AppConfig
  try {
    config = readConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    // Safe before 'ready': the one place a user of the packaged app sees why it did not start.
    dialog.showErrorBox('Skyfolio cannot start', error.message)
    app.exit(2)
    return
  }
  const log = createLogger('app', config.logLevel)

  // Another user-data folder (the e2e tests, a second profile), set before anything reads it.
  if (config.userDataDir) app.setPath('userData', config.userDataDir)
  // Must happen before 'ready': app:// gets a real, secure origin for the CSP's 'self'.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

  if (!app.requestSingleInstanceLock()) {
    // Another Skyfolio is running: it comes to the front (second-instance) and this one ends.
    app.quit()
    return
  }
  app.enableSandbox()

  let core: Core | null = null
  let bridge: IpcBridge | null = null
  let mainWindow: BrowserWindow | null = null
  let quitting: 'no' | 'closing' | 'closed' = 'no'

  const openExternal = (url: string): void => {
    if (!isExternalHttpsUrl(url)) return
    shell.openExternal(url).catch((error: unknown) => log.warn('could not open a link', { error }))
  }

  let creating: Promise<void> | null = null
  const openWindow = async (): Promise<void> => {
    if (!core || !bridge) return
    const win = await createMainWindow({ userDataDir: app.getPath('userData'), log })
    mainWindow = win
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    bridge.attach(win)
    loadApp(win, log)
  }
  // Brings the one window forward, creating it if there is none (and only once at a time).
  const showWindow = (): Promise<void> => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
      return Promise.resolve()
    }
    creating ??= openWindow().finally(() => {
      creating = null
    })
    return creating
  }

  app.on('second-instance', () => void showWindow())
  app.on('activate', () => void showWindow())

  // Every webContents, present or future: no navigation away, no new windows, no <webview>.
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, openExternal, log)
  )

  app.on('window-all-closed', () => {
    // macOS keeps the app (and its background work) running with no window, as users expect.
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('before-quit', (event) => {
    if (quitting === 'closed' || !core) return
    event.preventDefault()
    if (quitting === 'closing') return
    quitting = 'closing'
    const closing = core
    bridge?.dispose()
    Promise.all([
      rememberPlacement(mainWindow).catch((error: unknown) =>
        log.warn('the window placement was not saved', { error })
      ),
      closing
        .close()
        .catch((error: unknown) => log.error('the core did not close cleanly', { error }))
    ])
      .finally(() => {
        quitting = 'closed'
        app.quit()
      })
      .catch((error: unknown) => log.error('quitting failed', { error }))
  })

  const start = async (): Promise<void> => {
    const ses = session.defaultSession
    ses.setPermissionRequestHandler((_contents, permission, grant, details) =>
      grant(allowPermission(permission, details.requestingUrl ?? null))
    )
    ses.setPermissionCheckHandler((_contents, permission, origin) =>
      allowPermission(permission, origin)
    )

    const userDataDir = app.getPath('userData')
    try {
      core = createCore({
        config,
        userDataDir,
        runtime: 'electron',
        version: app.getVersion(),
        launcher: new UtilityLauncher(),
        workerEntry: (name) => join(__dirname, `${name}.js`),
        desktop: electronDesktop(() => mainWindow, log.child('desktop')),
        // Electron measures every process itself, the window's renderer included.
        processStats: {
          includesRenderer: true,
          sample: async (known) => samplesFromAppMetrics(app.getAppMetrics(), known)
        },
        log
      })
    } catch (error) {
      if (error instanceof StoreOpenError) {
        dialog.showErrorBox('Skyfolio cannot open its data', error.message)
        app.quit()
        return
      }
      throw error
    }
    const ready = core
    registerAppProtocol({
      rendererDir: join(__dirname, '../renderer'),
      mediaRoots: () => ready.mediaRoots,
      log: log.child('protocol')
    })
    bridge = createIpcBridge(ready, log.child('ipc'))
    installMenu(openExternal)

    const refresh = createWakeRefresh({
      router: ready.router,
      now: Date.now,
      onResult: (reason, ok) => log.info('refreshed weather after wake', { reason, ok })
    })
    powerMonitor.on('resume', () => refresh('resume'))
    powerMonitor.on('unlock-screen', () => refresh('unlock'))
    const cameOnline = createOnlineWatch(net.isOnline())
    setInterval(() => {
      if (cameOnline(net.isOnline())) refresh('online')
    }, ONLINE_POLL_MS).unref()

    await showWindow()
  }

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Skyfolio failed to start', { error })
      dialog.showErrorBox(
        'Skyfolio failed to start',
        error instanceof Error ? error.message : String(error)
      )
      app.exit(1)
    })
}
