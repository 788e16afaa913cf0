import { useEffect, useRef, useState } from 'react'
import buttons from './buttons.module.css'
import styles from './UndoNotice.module.css'

/** Something the user did and can still take back. */
export interface Undoable {
  /** What the notice says, e.g. "Moved 3 photos to the Trash." */
  message: string
  /** New for every action, so a second one restarts the notice and its timer. */
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
 * A message with Undo after an action that can be taken back (the weather desk's pattern, for
 * any view). Polite to screen readers: the live region stays mounted and only its content
 * changes. Goes after `timeoutMs` (the timer waits while the pointer or focus is on it);
 * Ctrl+Z (Cmd+Z on macOS) undoes while it shows, unless focus is in a text field.
 */
export function UndoNotice<T extends Undoable>({
  action,
  onUndo,
  onDismiss,
  timeoutMs = 10_000,
  layer
}: {
  action: T | null
  onUndo: (action: T) => void
  onDismiss: () => void
  timeoutMs?: number
  /** Stacking order, when the view's own overlays need the notice below them. */
  layer?: number
}) {
  const [heldKey, setHeldKey] = useState<number | null>(null)
  const held = action !== null && heldKey === action.key
  const latest = useRef({ onUndo, onDismiss })
  useEffect(() => {
    latest.current = { onUndo, onDismiss }
  })

  useEffect(() => {
    if (!action || held) return
    const t = setTimeout(() => latest.current.onDismiss(), timeoutMs)
    return () => clearTimeout(t)
  }, [action, held, timeoutMs])

  useEffect(() => {
    if (!action) return
    const onKey = (e: KeyboardEvent): void => {
      const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
      if (!mod || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return
      if (e.defaultPrevented || e.repeat || isTextField(e.target)) return
      e.preventDefault()
      latest.current.onUndo(action)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [action])

  return (
    <div
      className={styles.region}
      style={layer === undefined ? undefined : { zIndex: layer }}
      role="status"
    >
      {action && (
        <div
          className={styles.undo}
          onPointerEnter={() => setHeldKey(action.key)}
          onPointerLeave={() => setHeldKey(null)}
          onFocus={() => setHeldKey(action.key)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setHeldKey(null)
          }}
        >
          <span className={styles.text}>{action.message}</span>
          <button
            type="button"
            className={buttons.primary}
            title={`Undo (${isMac ? '⌘Z' : 'Ctrl+Z'})`}
            onClick={() => onUndo(action)}
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
