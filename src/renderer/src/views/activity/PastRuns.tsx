import { workloadLabels, type BenchRun } from '@shared/contract'
import { cx } from '../../lib/cx'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './TestBoth.module.css'

/** The runs kept, newest first; one is shown above. */
export function PastRuns({
  runs,
  selected,
  onSelect
}: {
  runs: BenchRun[]
  selected: number | null
  onSelect: (id: number) => void
}) {
  return (
    <section className={layout.card} aria-label="Past runs">
      <h2 className={styles.cardTitle}>Past runs</h2>
      <ul className={styles.runList}>
        {runs.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              aria-current={r.id === selected ? 'true' : undefined}
              onClick={() => onSelect(r.id)}
            >
              <span>Run {r.id}</span>
              <span className={text.muted}>{new Date(r.startedAt).toLocaleString()}</span>
              <span className={text.muted}>
                {workloadLabels[r.workload ?? 'images']} · {r.sampleLabel}
                {r.repeats ? ` · ${r.repeats} × each` : ''}
              </span>
              <span className={cx(styles.pill, styles[r.status])}>{r.status}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
