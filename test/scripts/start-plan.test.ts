import { describe, expect, it } from 'vitest'
import {
  browserOpener,
  browserReasonLine,
  fetchFailedReason,
  hostUrlFrom,
  startPlan
} from '../../scripts/start-plan.mjs'

const URL = 'http://127.0.0.1:41234/?token=abc_DEF-123'

describe('npm start: which Skyfolio to start', () => {
  it('starts the installed desktop app where there is a display', () => {
    expect(startPlan({ binary: '/e/electron', platform: 'linux', env: { DISPLAY: ':0' } })).toEqual(
      { kind: 'electron', binary: '/e/electron' }
    )
    expect(startPlan({ binary: '/e/Electron', platform: 'darwin', env: {} })).toEqual({
      kind: 'electron',
      binary: '/e/Electron'
    })
  })

  it('fetches the runtime when it is missing, instead of only saying so', () => {
    expect(startPlan({ binary: null, platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({
      kind: 'fetch'
    })
    expect(
      startPlan({ binary: null, platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })
    ).toEqual({ kind: 'fetch' })
    expect(startPlan({ binary: null, platform: 'win32', env: {} })).toEqual({ kind: 'fetch' })
  })

  it('serves the browser version on a machine with no display, even with Electron installed', () => {
    const plan = startPlan({ binary: '/e/electron', platform: 'linux', env: {} })
    expect(plan).toMatchObject({ kind: 'browser' })
    expect(plan.kind === 'browser' && plan.reason).toContain('no display')
  })

  it('says why it is the browser version in one line', () => {
    const line = browserReasonLine(
      fetchFailedReason('github.com cannot be reached (its name does not resolve)')
    )
    expect(line).not.toContain('\n')
    expect(line).toBe(
      'Skyfolio: starting the browser version, because the Electron runtime could not be downloaded: github.com cannot be reached (its name does not resolve).'
    )
  })
})

describe('npm start: opening the default browser', () => {
  it('uses xdg-open on Linux (never `open`, which is openvt there)', () => {
    expect(browserOpener('linux', { DISPLAY: ':0' }, URL)).toEqual({
      command: 'xdg-open',
      args: [URL]
    })
  })

  it('opens nothing on Linux without a display, so no text browser takes over the terminal', () => {
    expect(browserOpener('linux', {}, URL)).toEqual({
      command: null,
      reason: 'there is no display'
    })
  })

  it('uses open on macOS and start on Windows', () => {
    expect(browserOpener('darwin', {}, URL)).toEqual({ command: 'open', args: [URL] })
    expect(browserOpener('win32', { ComSpec: 'C:\\Windows\\cmd.exe' }, URL)).toEqual({
      command: 'C:\\Windows\\cmd.exe',
      args: ['/d', '/s', '/c', `start "" "${URL}"`],
      verbatim: true
    })
  })
})

describe("npm start: reading the host's URL", () => {
  it('finds the URL in the line the host prints', () => {
    expect(hostUrlFrom(`Skyfolio headless host: open ${URL}`)).toBe(URL)
    expect(hostUrlFrom('some other line')).toBeNull()
  })
})
