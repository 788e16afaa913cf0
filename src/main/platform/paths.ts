import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Skyfolio'

/** The same folder Electron's app.getPath('userData') gives for this product name. */
export function defaultUserDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string = homedir()
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

/** Where each kind of file lives below the user-data folder. */
export function appPaths(userDataDir: string) {
  return {
    userData: userDataDir,
    database: join(userDataDir, 'skyfolio.db'),
    cache: join(userDataDir, 'cache'),
    thumbnails: join(userDataDir, 'cache', 'thumbnails'),
    downloads: join(userDataDir, 'cache', 'downloads')
  }
}
export type AppPaths = ReturnType<typeof appPaths>
