import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import {
  fitToDisplays,
  MAIN_WINDOW_SIZING,
  parseWindowState,
  serializeWindowState,
  type WindowState
} from './window-state'
import { createWindowStateSaver, loadWindowState, windowStateFile } from './window-state-file'

const laptop = { x: 0, y: 0, width: 1440, height: 876 }
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 }
const state = (s: Partial<WindowState>): WindowState => ({
  version: 1,
  x: 100,
  y: 80,
  width: 1200,
  height: 760,
  maximized: false,
  ...s
})

describe('window state (de)serialization', () => {
  it('round-trips bounds and the maximized flag', () => {
    const text = serializeWindowState({ x: 10.4, y: -20, width: 900.6, height: 700 }, true)
    expect(parseWindowState(text)).toEqual(
      state({ x: 10, y: -20, width: 901, height: 700, maximized: true })
    )
  })

  it.each([
    null,
    '',
    'not json',
    '{}',
    '[]',
    '{"version":2,"x":0,"y":0,"width":800,"height":600,"maximized":false}',
    '{"version":1,"x":0,"y":0,"width":0,"height":600,"maximized":false}',
    '{"version":1,"x":"0","y":0,"width":800,"height":600,"maximized":false}',
    '{"version":1,"x":1e9,"y":0,"width":800,"height":600,"maximized":false}',
    '{"version":1,"x":0,"y":0,"width":800,"height":600,"maximized":false,"extra":1}'
  ])('forgets an unusable file: %s', (text) => {
    expect(parseWindowState(text)).toBeNull()
  })
})

describe('fitToDisplays', () => {
  it('opens a first window at the default size, centred by the OS', () => {
    const placement = fitToDisplays(null, [laptop], laptop)
    expect(placement).toEqual({
      bounds: { width: MAIN_WINDOW_SIZING.width, height: MAIN_WINDOW_SIZING.height },
      maximized: false
    })
  })

  it('puts a window back exactly where it was when it still fits', () => {
    const saved = state({ x: 1600, y: 100, width: 1400, height: 900 })
    expect(fitToDisplays(saved, [laptop, monitorRight], laptop).bounds).toEqual({
      x: 1600,
      y: 100,
      width: 1400,
      height: 900
    })
  })

  it('brings a window from an unplugged monitor back to the primary display', () => {
    const saved = state({ x: 2000, y: 200, width: 1400, height: 900, maximized: true })
    const placement = fitToDisplays(saved, [laptop], laptop)
    expect(placement.bounds.x).toBeUndefined()
    expect(placement.bounds.width).toBeLessThanOrEqual(laptop.width)
    expect(placement.bounds.height).toBeLessThanOrEqual(laptop.height)
    expect(placement.maximized).toBe(true)
  })

  it('pulls a half-off-screen window fully onto the display it mostly covers', () => {
    const saved = state({ x: 1000, y: -200, width: 1000, height: 600 })
    const { bounds } = fitToDisplays(saved, [laptop], laptop)
    expect(bounds).toEqual({ x: laptop.width - 1000, y: 0, width: 1000, height: 600 })
  })

  it('shrinks a window larger than its display, but not below the minimum', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 }
    const { bounds } = fitToDisplays(
      state({ x: 0, y: 0, width: 3000, height: 2000 }),
      [small],
      small
    )
    expect(bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 })
    const tiny = fitToDisplays(state({ x: 0, y: 0, width: 100, height: 100 }), [laptop], laptop)
    expect(tiny.bounds).toMatchObject({
      width: MAIN_WINDOW_SIZING.minWidth,
      height: MAIN_WINDOW_SIZING.minHeight
    })
  })

  it('treats a window with only a sliver visible as lost', () => {
    const saved = state({ x: laptop.width - 10, y: 0, width: 1000, height: 600 })
    expect(fitToDisplays(saved, [laptop], laptop).bounds.x).toBeUndefined()
  })

  it('honours displays left of or above the primary (negative coordinates)', () => {
    const left = { x: -1920, y: -300, width: 1920, height: 1080 }
    const saved = state({ x: -1800, y: -250, width: 1200, height: 800 })
    expect(fitToDisplays(saved, [laptop, left], laptop).bounds).toEqual({
      x: -1800,
      y: -250,
      width: 1200,
      height: 800
    })
  })
})

describe('window state file', () => {
  const tempDir = useTempDir()
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lives in the user-data folder', () => {
    expect(windowStateFile('/data/Skyfolio')).toBe(join('/data/Skyfolio', 'window-state.json'))
  })

  it('remembers the last bounds after a burst of moves, in one write', async () => {
    vi.useFakeTimers()
    const file = windowStateFile(tempDir())
    const saver = createWindowStateSaver(file, 500)
    for (let i = 0; i < 20; i++) saver.schedule({ x: i, y: i, width: 900, height: 700 }, false)
    expect(await loadWindowState(file)).toBeNull()
    await vi.advanceTimersByTimeAsync(500)
    await saver.flush()
    expect(await loadWindowState(file)).toEqual(
      state({ x: 19, y: 19, width: 900, height: 700, maximized: false })
    )
  })

  it('writes pending state at once on flush (window closing)', async () => {
    const dir = tempDir()
    const file = windowStateFile(dir)
    const saver = createWindowStateSaver(file, 60_000)
    saver.schedule({ x: 5, y: 6, width: 800, height: 600 }, true)
    await saver.flush()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 5, maximized: true })
    expect(readdirSync(dir)).toEqual(['window-state.json'])
  })

  it('starts fresh from a corrupt file', async () => {
    const file = windowStateFile(tempDir())
    writeFileSync(file, '{"version":1,"x":')
    expect(await loadWindowState(file)).toBeNull()
  })

  it('reports a failed write instead of throwing', async () => {
    const errors: unknown[] = []
    const saver = createWindowStateSaver(join(tempDir(), 'missing', 'w.json'), 10, (e) =>
      errors.push(e)
    )
    saver.schedule({ x: 0, y: 0, width: 800, height: 600 }, false)
    await saver.flush()
    expect(errors).toHaveLength(1)
  })
})
