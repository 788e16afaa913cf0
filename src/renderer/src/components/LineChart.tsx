import { memo } from 'react'
import styles from './LineChart.module.css'

export interface ChartSeries {
  label: string
  /** A CSS colour, usually a var(--chart-n). */
  color: string
  values: readonly number[]
}

interface Props {
  title: string
  series: readonly ChartSeries[]
  unit: string
  /** Points across the chart; shorter series are drawn from the right. */
  capacity: number
  /** A dashed reference line (a frame budget, a target). */
  reference?: { value: number; label: string }
  /** The y axis never shrinks below this, so a quiet chart does not magnify noise. */
  minMax?: number
  height?: number
  digits?: number
}

const W = 320

function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude
  return 10 * magnitude
}

/** A small SVG line chart for live series; cheap to redraw twice a second. */
export const LineChart = memo(function LineChart({
  title,
  series,
  unit,
  capacity,
  reference,
  minMax = 1,
  height = 110,
  digits = 0
}: Props) {
  const all = series.flatMap((s) => s.values)
  const max = niceMax(Math.max(minMax, reference?.value ?? 0, ...all))
  const H = height
  const x = (i: number, n: number): number => W - ((n - 1 - i) * W) / Math.max(1, capacity - 1)
  const y = (v: number): number => H - (Math.min(v, max) / max) * (H - 4) - 2
  const latest = series
    .map((s) => `${s.label} ${(s.values.at(-1) ?? 0).toFixed(digits)} ${unit}`)
    .join(', ')

  return (
    <figure className={styles.chart}>
      <figcaption>
        <span className={styles.title}>{title}</span>
        <span className={styles.legend}>
          {series.map((s) => (
            <span key={s.label} className={styles.key}>
              <span className={styles.swatch} style={{ background: s.color }} aria-hidden="true" />
              {s.label} <strong>{(s.values.at(-1) ?? 0).toFixed(digits)}</strong> {unit}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title}: ${latest || 'no data yet'}`}
        style={{ height: H }}
      >
        <line x1="0" x2={W} y1={y(max / 2)} y2={y(max / 2)} className={styles.grid} />
        {reference && (
          <line
            x1="0"
            x2={W}
            y1={y(reference.value)}
            y2={y(reference.value)}
            className={styles.reference}
          />
        )}
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={s.color}
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
            points={s.values
              .map((v, i) => `${x(i, s.values.length).toFixed(1)},${y(v).toFixed(1)}`)
              .join(' ')}
          />
        ))}
      </svg>
      <div className={styles.axis} aria-hidden="true">
        <span>
          {max} {unit}
        </span>
        {reference && <span className={styles.referenceLabel}>{reference.label}</span>}
      </div>
    </figure>
  )
})
