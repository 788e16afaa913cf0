import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import styles from './Popover.module.css'

/**
 * A toolbar button that opens a panel under it (filters, import failures): the grid keeps the
 * window's height. Escape or a click outside closes it; focus returns to the button.
 */
export function Popover({
  label,
  title,
  badge,
  tone,
  align = 'start',
  defaultOpen = false,
  children
}: {
  label: string
  /** The panel's accessible name. */
  title: string
  badge?: string
  tone?: 'danger'
  align?: 'start' | 'end'
  defaultOpen?: boolean
  children: ReactNode
}) {
  const [open, setOpen] = useState(defaultOpen)
  const boxRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent): void => {
      if (!(e.target instanceof Node) || boxRef.current?.contains(e.target)) return
      // Dialogs opened from the panel (a confirmation) are not "outside".
      if (e.target instanceof Element && e.target.closest('[role="alertdialog"]')) return
      setOpen(false)
    }
    window.addEventListener('pointerdown', onDown)
    return () => window.removeEventListener('pointerdown', onDown)
  }, [open])

  return (
    <div
      ref={boxRef}
      className={styles.box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
          buttonRef.current?.focus()
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        data-tone={tone}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
        {badge && <span className={styles.badge}>{badge}</span>}
        <span aria-hidden className={styles.caret}>
          ▾
        </span>
      </button>
      {open && (
        <section id={id} className={styles.panel} data-align={align} aria-label={title}>
          {children}
        </section>
      )}
    </div>
  )
}
