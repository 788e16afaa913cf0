import type { MenuItemConstructorOptions } from 'electron'

export interface MenuInput {
  readonly platform: NodeJS.Platform
  /** Packaged builds have no reload or DevTools: a user cannot lose state by accident. */
  readonly isPackaged: boolean
  readonly openExternal: (url: string) => void
}

export const HELP_LINKS = [{ label: 'Weather Data by Open-Meteo', url: 'https://open-meteo.com/' }]

/** The application menu, from Electron's standard roles (localized and platform-correct). */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = input.isPackaged
    ? {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' }
        ]
      }
    : { role: 'viewMenu' }
  return [
    ...(input.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: HELP_LINKS.map(({ label, url }) => ({
        label,
        click: () => input.openExternal(url)
      }))
    }
  ]
}
