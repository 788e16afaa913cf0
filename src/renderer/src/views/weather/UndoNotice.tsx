import { useEffect, useRef, useState } from 'react'
import buttons from '../../components/buttons.module.css'
import styles from './UndoNotice.module.css'

/** A removal the user can still take back. */
export interface Removal {
  id: number
  /** How the place is shown in the notice. */
  label: string
  wasHome: boolean
  /** New for every removal, so a second one restarts the notice and its timer. */
  key: number
}

const isMac = navigator.platform.toLowerCase().includes('mac')

const nonTextInputs = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'radio',
  'range',
  'reset',
  'submit'
])

/** Where Ctrl/Cmd+Z belongs to the field (undo typing), not to us. */
const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !nonTextInputs.has(el.type)))

/**
 * "Removed X." with Undo, after a place is removed. Polite to screen readers: the live region
 * stays mounted and only its content changes, so each new removal is announced. Goes after
 * `timeoutMs` (the timer waits while the pointer or focus is on the notice); Ctrl+Z (Cmd+Z on
 * macOS) undoes while it shows, unless focus is in a text field.
 */
export function UndoNotice({
  removal,
  onUndo,
  onDismiss,
  timeoutMs = 10_000
}: {
  removal: Removal | null
  onUndo: (removal: Removal) => void
  onDismiss: () => void
  timeoutMs?: number
}) {
  // The removal the pointer or focus is holding on screen; a newer one starts its own timer.
  const [heldKey, setHeldKey] = useState<number | null>(null)
  const held = removal !== null && heldKey === removal.key
  const latest = useRef({ onUndo, onDismiss })
  useEffect(() => {
    latest.current = { onUndo, onDismiss }
  })

  useEffect(() => {
    if (!removal || held) return
    const t = setTimeout(() => latest.current.onDismiss(), timeoutMs)
    return () => clearTimeout(t)
  }, [removal, held, timeoutMs])

  useEffect(() => {
    if (!removal) return
    const onKey = (e: KeyboardEvent): void => {
      const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
      if (!mod || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return
      if (e.defaultPrevented || e.repeat || isTextField(e.target)) return
      e.preventDefault()
      latest.current.onUndo(removal)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [removal])

  return (
    <div className={styles.region} role="status">
      {removal && (
        <div
          className={styles.undo}
          onPointerEnter={() => setHeldKey(removal.key)}
          onPointerLeave={() => setHeldKey(null)}
          onFocus={() => setHeldKey(removal.key)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setHeldKey(null)
          }}
        >
          <span className={styles.text}>Removed {removal.label}.</span>
          <button
            type="button"
            className={buttons.primary}
            title={`Undo (${isMac ? '⌘Z' : 'Ctrl+Z'})`}
            onClick={() => onUndo(removal)}
          >
            Undo
          </button>
          <button
            type="button"
            className={styles.close}
            aria-label="Dismiss"
            title="Dismiss"
            onClick={onDismiss}
          >
            ✕
          </button>
        </div>
      )}
    </div>
  )
}
