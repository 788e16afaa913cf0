import { useApiQuery } from '../data/api-query'
import { ErrorNotice } from './ErrorNotice'
import { ProgressBar } from './ProgressBar'
import text from './text.module.css'
import styles from './StatusBar.module.css'

/** Background work at a glance: what runs now and how far along it is. */
export function StatusBar() {
  // Kept current by status:changed (data/invalidations.ts).
  const status = useApiQuery('app:status', {})
  const tasks = status.data?.tasks ?? []

  return (
    // The page's footer landmark; a polite live region, not role=status (a footer may not take
    // that role, and it would hide the landmark).
    <footer className={styles.statusBar} aria-label="Background work" aria-live="polite">
      {status.error && (
        <ErrorNotice compact error={status.error} what="Background work could not be read" />
      )}
      {tasks.length === 0
        ? !status.error && (
            <span className={text.muted}>Idle — nothing running in the background</span>
          )
        : tasks.map((t) => (
            <span key={t.id} className={styles.task}>
              <span>{t.label}</span>
              <ProgressBar value={t.progress} label={t.label} compact />
              {t.detail && <span className={text.muted}>{t.detail}</span>}
            </span>
          ))}
    </footer>
  )
}
