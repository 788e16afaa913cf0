import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The installed Electron binary, or null. Read from node_modules/electron/path.txt the way
 * the electron package does, but never through require('electron'): that starts a download
 * when the binary is missing. Honours ELECTRON_EXEC_PATH (electron-vite's) and
 * ELECTRON_OVERRIDE_DIST_PATH (the electron package's) for a runtime installed elsewhere.
 */
export function findElectronBinary(root = process.cwd(), env = process.env) {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, name || 'electron')
    : name
      ? join(pkg, 'dist', name)
      : null
  return binary && existsSync(binary) ? binary : null
}
