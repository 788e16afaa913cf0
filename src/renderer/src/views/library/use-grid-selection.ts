import { useCallback, useEffect, useRef, useState } from 'react'
import { errorText } from '../../lib/api'
import {
  clickIntent,
  idsInRange,
  noSelection,
  toggled,
  withAll,
  withRange,
  type ClickMods,
  type IdPage,
  type Selection
} from './selection'

const isMac = navigator.platform.toLowerCase().includes('mac')

/** Keys typed into a field or a dialog's are theirs, not the grid's. */
const ownsKeys = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'range') ||
    el.closest('[role="dialog"],[role="alertdialog"]') !== null)

/**
 * Picking photos in a grid: click, Ctrl/Cmd+click, Shift+click ranges, Ctrl/Cmd+A for all and
 * Escape to let go. A range or "all" reaches past the rows the grid holds: their ids are read
 * from main (`page`), so "all" means every photo in the list, not the ones drawn.
 */
export function useGridSelection({
  total,
  idAt,
  page,
  onOpen,
  keysEnabled,
  resetOn
}: {
  total: number
  idAt(index: number): number | undefined
  page: IdPage
  /** A plain click with nothing picked (null: a click picks). */
  onOpen: ((index: number) => void) | null
  keysEnabled: boolean
  /** The selection is let go when this changes (another sort, filter or view). */
  resetOn: string
}) {
  const [selection, setSelection] = useState<Selection>(noSelection)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef({ selection, total, idAt, page })
  useEffect(() => {
    latest.current = { selection, total, idAt, page }
  })

  const clear = useCallback(() => {
    setSelection(noSelection)
    setError(null)
  }, [])
  // Another sort, filter or view: what was picked is let go (state adjusted while rendering).
  const [seen, setSeen] = useState(resetOn)
  if (seen !== resetOn) {
    setSeen(resetOn)
    setSelection(noSelection)
    setError(null)
  }

  const pickRange = useCallback(async (from: number, to: number) => {
    setBusy(true)
    try {
      const ids = await idsInRange(from, to, latest.current.idAt, latest.current.page)
      setSelection((s) => withRange(s, ids))
    } catch (e) {
      setError(`The photos could not all be selected: ${errorText(e)}`)
    } finally {
      setBusy(false)
    }
  }, [])

  const selectAll = useCallback(async () => {
    const { total: count } = latest.current
    if (count === 0) return
    setBusy(true)
    try {
      setSelection(
        withAll(await idsInRange(0, count - 1, latest.current.idAt, latest.current.page))
      )
    } catch (e) {
      setError(`The photos could not all be selected: ${errorText(e)}`)
    } finally {
      setBusy(false)
    }
  }, [])

  const activate = useCallback(
    (index: number, mods: ClickMods) => {
      const { selection: s, idAt: at } = latest.current
      const intent = clickIntent(s, mods)
      if (intent === 'open' && onOpen) return onOpen(index)
      if (intent === 'range') return void pickRange(s.anchor!, index)
      const id = at(index)
      if (id !== undefined) setSelection(toggled(s, index, id))
    },
    [onOpen, pickRange]
  )

  useEffect(() => {
    if (!keysEnabled) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || ownsKeys(e.target)) return
      const mod = isMac ? e.metaKey : e.ctrlKey
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
        e.preventDefault()
        void selectAll()
      } else if (e.key === 'Escape' && latest.current.selection.ids.size > 0) {
        e.preventDefault()
        clear()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [keysEnabled, selectAll, clear])

  return { selection, busy, error, activate, selectAll, clear }
}
