import { app, Menu } from 'electron'
import { buildMenuTemplate } from './menu-template'

export function installMenu(openExternal: (url: string) => void): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    openExternal
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
