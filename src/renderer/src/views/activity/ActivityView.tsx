import { useState } from 'react'
import { LiveActivity } from './LiveActivity'
import { TestBoth } from './TestBoth'
import styles from './ActivityView.module.css'

const tabs = [
  { id: 'live', label: 'Live' },
  { id: 'test-both', label: 'Test both' }
] as const
type TabId = (typeof tabs)[number]['id']

export function ActivityView() {
  const [tab, setTab] = useState<TabId>('live')
  return (
    <div>
      <header className={styles.header}>
        <h1>Activity</h1>
        <div role="tablist" aria-label="Activity sections" className={styles.tabs}>
          {tabs.map((t) => (
            <button
              key={t.id}
              role="tab"
              type="button"
              aria-selected={tab === t.id}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" aria-label={tabs.find((t) => t.id === tab)?.label}>
        {tab === 'live' && <LiveActivity />}
        {tab === 'test-both' && <TestBoth />}
      </div>
    </div>
  )
}
