import { describe, expect, it } from 'vitest'
import { isChannel } from '@shared/contract'
import type { Envelope } from '@shared/contract'
import { chosenPaths, importDialogOptions, progressBarValue } from './desktop-values'
import { EventGate, type PushedEvent } from './event-gate'
import { buildMenuTemplate, HELP_LINKS } from './menu-template'
import { utilityExitEvent } from './utility-exit'
import { createOnlineWatch, createWakeRefresh, WEATHER_REFRESH_CHANNEL } from './wake-refresh'

describe('EventGate', () => {
  it('holds events until the page has loaded, then delivers them in order', () => {
    const delivered: PushedEvent[] = []
    const gate = new EventGate((e) => delivered.push(e))
    gate.push('status:changed', { tasks: [] })
    gate.push('settings:changed', { theme: 'dark' })
    expect(delivered).toEqual([])
    gate.opened()
    expect(delivered.map((e) => e.event)).toEqual(['status:changed', 'settings:changed'])
    gate.push('status:changed', { tasks: [1] })
    expect(delivered).toHaveLength(3)
  })

  it('holds events again while the page reloads', () => {
    const delivered: PushedEvent[] = []
    const gate = new EventGate((e) => delivered.push(e))
    gate.opened()
    gate.closed()
    gate.push('status:changed', 1)
    expect(delivered).toEqual([])
    gate.opened()
    expect(delivered).toEqual([{ event: 'status:changed', payload: 1 }])
  })

  it('keeps only the newest events when a page never loads', () => {
    const delivered: PushedEvent[] = []
    const gate = new EventGate((e) => delivered.push(e), 3)
    for (let i = 0; i < 10; i++) gate.push('status:changed', i)
    expect(gate.takeDropped()).toBe(7)
    expect(gate.takeDropped()).toBe(0)
    gate.opened()
    expect(delivered.map((e) => e.payload)).toEqual([7, 8, 9])
  })
})

describe('wake refresh', () => {
  const fakeRouter = () => {
    const calls: Array<[unknown, unknown]> = []
    return {
      calls,
      dispatch: async (channel: unknown, params: unknown): Promise<Envelope<unknown>> => {
        calls.push([channel, params])
        return { ok: true, value: null }
      }
    }
  }

  it('asks weather to refresh when this build has the request', async () => {
    const router = fakeRouter()
    const results: Array<[string, boolean]> = []
    const refresh = createWakeRefresh({
      router,
      now: () => 0,
      hasChannel: () => true,
      onResult: (reason, ok) => results.push([reason, ok])
    })
    expect(refresh('resume')).toBe(true)
    expect(router.calls).toEqual([[WEATHER_REFRESH_CHANNEL, {}]])
    await Promise.resolve()
    await Promise.resolve()
    expect(results).toEqual([['resume', true]])
  })

  it('does nothing while the weather team has not added the request', () => {
    const router = fakeRouter()
    const refresh = createWakeRefresh({ router, now: () => 0, hasChannel: () => false })
    expect(refresh('online')).toBe(false)
    expect(router.calls).toEqual([])
  })

  it('checks the real contract by default', () => {
    const router = fakeRouter()
    expect(createWakeRefresh({ router, now: () => 0 })('resume')).toBe(
      isChannel(WEATHER_REFRESH_CHANNEL)
    )
  })

  it('coalesces a resume and a reconnect that arrive together', () => {
    const router = fakeRouter()
    let now = 1_000_000
    const refresh = createWakeRefresh({
      router,
      now: () => now,
      minIntervalMs: 30_000,
      hasChannel: () => true
    })
    refresh('resume')
    now += 2_000
    refresh('online')
    now += 60_000
    refresh('online')
    expect(router.calls).toHaveLength(2)
  })

  it('notices only the moment the network comes back', () => {
    const cameBack = createOnlineWatch(true)
    expect([true, false, false, true, true, false, true].map(cameBack)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      true
    ])
  })
})

describe('utilityExitEvent', () => {
  it('reports a process that never started as a spawn failure', () => {
    expect(utilityExitEvent(false, 1, 'image-worker')).toMatchObject({ type: 'spawn-failed' })
  })

  it('splits clean exits from crashes', () => {
    expect(utilityExitEvent(true, 0, 'w')).toEqual({ type: 'exited', code: 0 })
    expect(utilityExitEvent(true, 139, 'w')).toEqual({ type: 'crashed', code: 139, signal: null })
  })
})

describe('desktop values', () => {
  it('maps progress onto the taskbar range, clearing it for null', () => {
    expect(progressBarValue(null)).toBe(-1)
    expect(progressBarValue(Number.NaN)).toBe(-1)
    expect(progressBarValue(0.25)).toBe(0.25)
    expect(progressBarValue(-3)).toBe(0)
    expect(progressBarValue(7)).toBe(1)
  })

  it('offers files and folders, several at once, filtered to images', () => {
    expect(importDialogOptions.properties).toEqual(['openFile', 'openDirectory', 'multiSelections'])
    expect(importDialogOptions.filters[0]?.extensions).toEqual(
      expect.arrayContaining(['jpg', 'png', 'webp', 'heic'])
    )
  })

  it('returns nothing for a cancelled dialog and no duplicates otherwise', () => {
    expect(chosenPaths({ canceled: true, filePaths: ['/a'] })).toEqual([])
    expect(chosenPaths({ canceled: false, filePaths: ['/a', '/b', '/a'] })).toEqual(['/a', '/b'])
  })
})

describe('menu template', () => {
  const roles = (t: ReturnType<typeof buildMenuTemplate>) => t.map((m) => m.role ?? m.label)

  it('uses the standard roles, with the app menu only on macOS', () => {
    const linux = buildMenuTemplate({ platform: 'linux', isPackaged: true, openExternal: () => {} })
    expect(roles(linux)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu', 'help'])
    const mac = buildMenuTemplate({ platform: 'darwin', isPackaged: true, openExternal: () => {} })
    expect(roles(mac)[0]).toBe('appMenu')
  })

  it('offers reload and DevTools only in development', () => {
    const viewOf = (isPackaged: boolean) =>
      buildMenuTemplate({ platform: 'linux', isPackaged, openExternal: () => {} }).find(
        (m) => m.role === 'viewMenu' || m.label === 'View'
      )
    expect(viewOf(false)?.role).toBe('viewMenu')
    const packagedRoles = (viewOf(true)?.submenu as Array<{ role?: string }>).map((i) => i.role)
    expect(packagedRoles).toContain('zoomIn')
    expect(packagedRoles).not.toContain('reload')
    expect(packagedRoles).not.toContain('forceReload')
    expect(packagedRoles).not.toContain('toggleDevTools')
  })

  it('opens its help link in the OS browser', () => {
    const opened: string[] = []
    const help = buildMenuTemplate({
      platform: 'win32',
      isPackaged: true,
      openExternal: (u) => opened.push(u)
    }).find((m) => m.role === 'help')
    const [first] = help?.submenu as Array<{ click: () => void }>
    first?.click()
    expect(opened).toEqual([HELP_LINKS[0]?.url])
  })
})
