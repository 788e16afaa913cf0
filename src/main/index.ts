import { startElectronApp } from './shell/electron-app'

// The Electron entry: everything Electron-specific lives in ./shell; the core is in ./core.
startElectronApp()
