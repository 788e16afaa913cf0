import { join } from 'node:path'
import { app, BrowserWindow, nativeTheme, screen } from 'electron'
import type { Logger } from '../platform/log'
import { APP_ENTRY_URL } from '../security/app-origin'
import { buildWebPreferences } from '../security/web-preferences'
import { fitToDisplays, MAIN_WINDOW_SIZING } from './window-state'
import { createWindowStateSaver, loadWindowState, windowStateFile } from './window-state-file'

// The renderer's --bg (styles.css), so the window never flashes white before the first paint.
const BACKGROUND = { light: '#f6f7f9', dark: '#15181d' }
const MAX_CRASH_RELOADS = 3
const placementSavers = new WeakMap<BrowserWindow, () => Promise<void>>()

/** Writes the window's placement now; awaited at quit, before the process ends. */
export function rememberPlacement(win: BrowserWindow | null): Promise<void> {
  return win && !win.isDestroyed()
    ? (placementSavers.get(win)?.() ?? Promise.resolve())
    : Promise.resolve()
}

/**
 * The one app window: secure preferences, remembered placement, shown once painted. Not
 * loaded yet: see loadApp.
 */
export async function createMainWindow(options: {
  readonly userDataDir: string
  readonly log: Logger
}): Promise<BrowserWindow> {
  const { log } = options
  const stateFile = windowStateFile(options.userDataDir)
  // A saved placement that cannot be read (a disk error) is logged; the window opens anyway.
  const saved = await loadWindowState(stateFile).catch((error: unknown) => {
    log.warn('the saved window placement could not be read', { error: String(error) })
    return null
  })
  const placement = fitToDisplays(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea
  )

  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MAIN_WINDOW_SIZING.minWidth,
    minHeight: MAIN_WINDOW_SIZING.minHeight,
    show: false,
    title: 'Skyfolio',
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: buildWebPreferences({
      preload: join(__dirname, '../preload/index.js'),
      devTools: !app.isPackaged
    })
  })
  win.once('ready-to-show', () => {
    // Maximizing shows a window, so it waits until the first paint too.
    if (placement.maximized) win.maximize()
    win.show()
  })

  const saver = createWindowStateSaver(stateFile, 500, (error) =>
    log.warn('could not remember the window placement', { error })
  )
  // Normal bounds, so a maximized window restores to the size it had before.
  const remember = (): void => {
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) {
      saver.schedule(win.getNormalBounds(), win.isMaximized())
    }
  }
  win.on('resize', remember)
  win.on('move', remember)
  win.on('maximize', remember)
  win.on('unmaximize', remember)
  const flush = (): Promise<void> => {
    remember()
    return saver.flush()
  }
  placementSavers.set(win, flush)
  win.on('close', () => void flush())

  let crashReloads = 0
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('the window renderer stopped', { reason: details.reason, exitCode: details.exitCode })
    if (details.reason !== 'clean-exit' && crashReloads++ < MAX_CRASH_RELOADS) win.reload()
  })

  return win
}

/** Loads the app page; called once the IPC bridge is attached, so no early event is lost. */
export function loadApp(win: BrowserWindow, log: Logger): void {
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log.error('the window could not load the app', { error })
  })
}
