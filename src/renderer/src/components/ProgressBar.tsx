import { cx } from '../lib/cx'
import styles from './ProgressBar.module.css'

/** An accessible progress bar; null shows an indeterminate one. */
export function ProgressBar({
  value,
  label,
  compact = false
}: {
  value: number | null
  label: string
  compact?: boolean
}) {
  const pct = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <span
      className={cx(
        styles.progress,
        compact && styles.compact,
        pct === null && styles.indeterminate
      )}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
    >
      <span
        className={styles.fill}
        style={pct === null ? undefined : { transform: `scaleX(${pct / 100})` }}
      />
    </span>
  )
}
