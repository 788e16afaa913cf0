import { z } from 'zod'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().min(1).max(100_000)

/** What is remembered between runs: the normal (unmaximized) bounds and the maximized flag. */
export const windowStateSchema = z
  .object({
    version: z.literal(1),
    x: coordinate,
    y: coordinate,
    width: length,
    height: length,
    maximized: z.boolean()
  })
  .strict()
export type WindowState = z.infer<typeof windowStateSchema>

export interface WindowSizing {
  readonly width: number
  readonly height: number
  readonly minWidth: number
  readonly minHeight: number
}

export const MAIN_WINDOW_SIZING: WindowSizing = {
  width: 1280,
  height: 820,
  minWidth: 720,
  minHeight: 480
}

/** The window's placement: x/y undefined lets the OS centre it. */
export interface Placement {
  readonly bounds: { x?: number; y?: number; width: number; height: number }
  readonly maximized: boolean
}

/** Parses the saved file; anything unreadable or out of shape is forgotten, never fatal. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function serializeWindowState(bounds: Rect, maximized: boolean): string {
  const state: WindowState = {
    version: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized
  }
  return JSON.stringify(windowStateSchema.parse(state)) + '\n'
}

const overlap = (a: Rect, b: Rect): { width: number; height: number } => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
})

/** Enough of the window on a display to grab it: 64 px across, a title bar's height down. */
const MIN_VISIBLE = { width: 64, height: 32 }

const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), Math.max(min, max))

/** The size of a window that fits `area`, never below the minimum the UI needs. */
const fitSize = (width: number, height: number, area: Rect, sizing: WindowSizing) => ({
  width: clamp(width, Math.min(sizing.minWidth, area.width), area.width),
  height: clamp(height, Math.min(sizing.minHeight, area.height), area.height)
})

/**
 * Where to open the window on the displays connected now. A saved window goes back where it
 * was, shrunk to fit and pulled fully onto the display it mostly covered; a window whose
 * display is gone (or that was barely visible) opens centred on the primary display.
 */
export function fitToDisplays(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
  sizing: WindowSizing = MAIN_WINDOW_SIZING
): Placement {
  if (!saved) {
    return { bounds: fitSize(sizing.width, sizing.height, primary, sizing), maximized: false }
  }
  let best: Rect | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const o = overlap(saved, area)
    if (o.width < MIN_VISIBLE.width || o.height < MIN_VISIBLE.height) continue
    if (o.width * o.height > bestArea) {
      best = area
      bestArea = o.width * o.height
    }
  }
  // Not grabbable on any display now (unplugged monitor, resolution change): bring it home.
  if (!best) {
    return {
      bounds: fitSize(saved.width, saved.height, primary, sizing),
      maximized: saved.maximized
    }
  }
  const size = fitSize(saved.width, saved.height, best, sizing)
  return {
    bounds: {
      x: clamp(saved.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.y, best.y, best.y + best.height - size.height),
      ...size
    },
    maximized: saved.maximized
  }
}
