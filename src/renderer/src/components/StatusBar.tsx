import { useEffect, useState } from 'react'
import type { BackgroundTask } from '@shared/contract'
import { useEvent } from '../hooks/use-event'
import { call } from '../lib/api'
import { ProgressBar } from './ProgressBar'

/** Background work at a glance: what runs now and how far along it is. */
export function StatusBar() {
  const [tasks, setTasks] = useState<BackgroundTask[]>([])
  useEffect(() => {
    call('app:status', {})
      .then((s) => setTasks(s.tasks))
      .catch(() => undefined)
  }, [])
  useEvent('status:changed', (s) => setTasks(s.tasks))

  return (
    <footer className="status-bar" role="status" aria-label="Background work" aria-live="polite">
      {tasks.length === 0 ? (
        <span className="muted">Idle — nothing running in the background</span>
      ) : (
        tasks.map((t) => (
          <span key={t.id} className="status-task">
            <span>{t.label}</span>
            <ProgressBar value={t.progress} label={t.label} compact />
            {t.detail && <span className="muted">{t.detail}</span>}
          </span>
        ))
      )}
    </footer>
  )
}
