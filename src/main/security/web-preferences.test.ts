import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allowPermission } from './permissions'
import { buildWebPreferences } from './web-preferences'

const preload = resolve('/opt/skyfolio/out/preload/index.js')

describe('buildWebPreferences', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = buildWebPreferences({ preload, devTools: false })
    expect(prefs).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false
    })
  })

  it('turns off features that would fetch or open things behind the app', () => {
    const prefs = buildWebPreferences({ preload, devTools: false })
    expect(prefs.spellcheck).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })

  it('offers DevTools only when asked (development builds)', () => {
    expect(buildWebPreferences({ preload, devTools: false }).devTools).toBe(false)
    expect(buildWebPreferences({ preload, devTools: true }).devTools).toBe(true)
  })

  it('refuses a relative or non-script preload path', () => {
    expect(() => buildWebPreferences({ preload: 'out/preload/index.js', devTools: false })).toThrow(
      /absolute/
    )
    expect(() =>
      buildWebPreferences({ preload: resolve('/opt/preload.ts'), devTools: false })
    ).toThrow()
  })
})

describe('allowPermission', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb'
  ])('denies %s, even to the app itself', (permission) => {
    expect(allowPermission(permission, 'app://skyfolio/index.html')).toBe(false)
  })
})
