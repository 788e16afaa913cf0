import { useEffect, useRef, type KeyboardEvent } from 'react'
import { nextIndex } from '../../components/NavBar'
import styles from './PlaceMenu.module.css'

export interface MenuItem<Id extends string = string> {
  id: Id
  label: string
  /** Shown at the right: the key that does the same from the card. */
  shortcut: string
  disabled?: boolean
}

/** A place card's context menu: arrows move, Enter runs, Escape closes and returns focus. */
export function PlaceMenu<Id extends string>({
  label,
  items,
  at,
  onRun,
  onClose
}: {
  label: string
  items: MenuItem<Id>[]
  at: { x: number; y: number }
  onRun: (id: Id) => void
  onClose: () => void
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  useEffect(() => {
    refs.current.find((el) => el && !el.disabled)?.focus()
  }, [])
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault()
      onClose()
      return
    }
    const i = refs.current.findIndex((el) => el === document.activeElement)
    const next = nextIndex(e.key, Math.max(0, i), items.length)
    if (next === null) return
    e.preventDefault()
    refs.current[next]?.focus()
  }
  return (
    <>
      <div
        className={styles.backdrop}
        onClick={onClose}
        onContextMenu={(e) => e.preventDefault()}
      />
      <div
        role="menu"
        aria-label={label}
        className={styles.menu}
        style={{ left: at.x, top: at.y }}
        onKeyDown={onKeyDown}
      >
        {items.map((item, i) => (
          <button
            key={item.label}
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            onClick={() => {
              onClose()
              onRun(item.id)
            }}
          >
            <span>{item.label}</span>
            <kbd>{item.shortcut}</kbd>
          </button>
        ))}
      </div>
    </>
  )
}
