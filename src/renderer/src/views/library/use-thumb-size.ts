import { useCallback, useEffect, useState } from 'react'

export const THUMB_MIN = 96
export const THUMB_MAX = 320
export const THUMB_STEP = 32
const DEFAULT = 168
const KEY = 'skyfolio.library.thumbSize'

const clamp = (n: number): number => Math.max(THUMB_MIN, Math.min(THUMB_MAX, Math.round(n)))

/** The size last chosen in this window (localStorage: a view preference, not a setting). */
function stored(): number {
  const raw = Number(localStorage.getItem(KEY))
  return Number.isFinite(raw) && raw > 0 ? clamp(raw) : DEFAULT
}

/**
 * The grid's target cell size: a slider, and Ctrl/Cmd + / − (and 0 for the default) while the
 * library shows. Those keys are the browser's zoom too; in the library they size thumbnails.
 */
export function useThumbSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(stored)
  const set = useCallback((next: number) => {
    const value = clamp(next)
    setSize(value)
    localStorage.setItem(KEY, String(value))
  }, [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return
      let delta: number
      if (e.key === '+' || e.key === '=') delta = THUMB_STEP
      else if (e.key === '-' || e.key === '_') delta = -THUMB_STEP
      else if (e.key === '0' && !e.shiftKey) delta = 0
      else return
      e.preventDefault()
      set(delta === 0 ? DEFAULT : stored() + delta)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [set])
  return [size, set]
}
