import type { ReactNode } from 'react'
import { plural } from './format'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './SelectionBar.module.css'

/**
 * Stands in for the toolbar while photos are picked: how many, select all, let go (Escape),
 * and the actions for them (`children`).
 */
export function SelectionBar({
  count,
  total,
  busy,
  error,
  onSelectAll,
  onClear,
  children
}: {
  count: number
  total: number
  busy: boolean
  error: string | null
  onSelectAll(): void
  onClear(): void
  children: ReactNode
}) {
  return (
    <div className={`${layout.toolbar} ${styles.bar}`} role="toolbar" aria-label="Selected photos">
      <button
        type="button"
        className={styles.clear}
        aria-label="Clear selection (Escape)"
        onClick={onClear}
      >
        ✕
      </button>
      <strong className={styles.count} aria-live="polite">
        {busy ? 'Selecting…' : `${plural(count, 'photo')} selected`}
      </strong>
      {count < total && (
        <button
          type="button"
          disabled={busy}
          title={`Select all ${total.toLocaleString()} (Ctrl/Cmd+A)`}
          onClick={onSelectAll}
        >
          Select all
        </button>
      )}
      {error && (
        <span className={text.error} role="alert">
          {error}
        </span>
      )}
      <span className={layout.spacer} />
      {children}
    </div>
  )
}
