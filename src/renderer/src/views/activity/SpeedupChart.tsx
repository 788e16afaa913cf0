import { speedups } from '@shared/activity/export'
import type { BenchRun } from '@shared/contract'
import styles from './SpeedupChart.module.css'

const W = 420
const BAR = 34

/** Speedup over the main process, per strategy; worker processes by worker count. */
export function SpeedupChart({ run }: { run: BenchRun }) {
  const ups = speedups(run)
  if (ups.every((u) => u === null)) return null
  const max = Math.max(1.5, ...ups.map((u) => u ?? 0)) * 1.1
  const rows = run.results.map((r, i) => ({
    label:
      r.strategy === 'in-main'
        ? 'main'
        : r.strategy === 'threads'
          ? `threads × ${r.workers}`
          : `processes × ${r.workers}`,
    value: ups[i] ?? 0
  }))
  const H = rows.length * BAR + 20
  const x = (v: number): number => 110 + (v / max) * (W - 150)
  return (
    <figure className={styles.chart}>
      <figcaption className={styles.title}>Speedup over the main process</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={rows.map((r) => `${r.label} ${r.value.toFixed(2)}×`).join(', ')}
      >
        <line x1={x(1)} x2={x(1)} y1="0" y2={H - 16} className={styles.reference} />
        {rows.map((r, i) => (
          <g key={i} transform={`translate(0 ${i * BAR})`}>
            <text x="104" y="20" textAnchor="end" className={styles.label}>
              {r.label}
            </text>
            <rect
              x="110"
              y="6"
              height="20"
              width={Math.max(1, x(r.value) - 110)}
              rx="3"
              className={styles[run.results[i]!.strategy]}
            />
            <text x={x(r.value) + 6} y="20" className={styles.label}>
              {r.value.toFixed(2)}×
            </text>
          </g>
        ))}
        <text x={x(1)} y={H - 4} textAnchor="middle" className={`${styles.label} ${styles.note}`}>
          1× = main process
        </text>
      </svg>
    </figure>
  )
}
