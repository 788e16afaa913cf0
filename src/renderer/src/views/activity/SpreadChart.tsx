import { niceMax, tickText, valueTicks } from '../../components/chart-scale'
import { useChartWidth } from '../../components/use-chart-width'
import type { Strategy } from '@shared/contract'
import styles from './FigureCharts.module.css'

export interface SpreadRow {
  label: string
  strategy: Strategy
  spread: { median: number; min: number; max: number; n: number } | null
  /** A starting value drawn as a ring, joined to the median (memory before → after). */
  from?: number
}

const ROW = 24
const LABEL_W = 118
const VALUE_W = 96
const AXIS_H = 16

const num = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2))

function valueText(row: SpreadRow, unit: string): string {
  const s = row.spread
  if (!s) return '—'
  if (row.from !== undefined) return `${num(row.from)} → ${num(s.median)} ${unit}`
  return s.n > 1 && s.max > s.min
    ? `${num(s.median)} ${unit} (${num(s.min)}–${num(s.max)})`
    : `${num(s.median)} ${unit}`
}

/** One figure across strategies: a dot at the median and a bar over the repeats' range. */
export function SpreadChart({
  title,
  unit,
  better,
  rows,
  missing
}: {
  title: string
  unit: string
  better: 'higher' | 'lower'
  rows: readonly SpreadRow[]
  missing: string
}) {
  const [box, width] = useChartWidth<HTMLDivElement>(300)
  const measured = rows.filter((r) => r.spread)
  const max = niceMax(Math.max(...measured.flatMap((r) => [r.spread!.max, r.from ?? 0]), 0) * 1.05)
  const plotW = Math.max(20, width - LABEL_W - VALUE_W)
  const x = (v: number): number => LABEL_W + (v / max) * plotW
  const H = rows.length * ROW + AXIS_H
  const label = `${title}: ${rows.map((r) => `${r.label} ${valueText(r, unit)}`).join(', ')}`

  return (
    <figure className={styles.chart}>
      <figcaption>
        <span className={styles.title}>{title}</span>{' '}
        <span className={styles.better}>{better} is better</span>
      </figcaption>
      <div ref={box}>
        {measured.length === 0 ? (
          <p className={styles.missing}>{missing}</p>
        ) : (
          <svg width={width} height={H} role="img" aria-label={label}>
            {valueTicks(max).map((v) => (
              <g key={v}>
                <line x1={x(v)} x2={x(v)} y1={0} y2={H - AXIS_H} className={styles.gridLine} />
                <text
                  x={x(v)}
                  y={H - 4}
                  textAnchor={v === 0 ? 'start' : v === max ? 'end' : 'middle'}
                  className={styles.tick}
                >
                  {tickText(v)}
                  {v === max ? ` ${unit}` : ''}
                </text>
              </g>
            ))}
            {rows.map((r, i) => {
              const cy = i * ROW + ROW / 2
              const s = r.spread
              return (
                <g key={`${r.label}-${i}`} className={styles[r.strategy]}>
                  <text x={LABEL_W - 8} y={cy + 4} textAnchor="end" className={styles.label}>
                    {r.label}
                  </text>
                  {s && r.from !== undefined && (
                    <>
                      <line
                        x1={x(r.from)}
                        x2={x(s.median)}
                        y1={cy}
                        y2={cy}
                        className={styles.range}
                      />
                      <circle cx={x(r.from)} cy={cy} r="4" className={styles.ring} />
                    </>
                  )}
                  {s && r.from === undefined && s.max > s.min && (
                    <>
                      <line x1={x(s.min)} x2={x(s.max)} y1={cy} y2={cy} className={styles.range} />
                      <line
                        x1={x(s.min)}
                        x2={x(s.min)}
                        y1={cy - 5}
                        y2={cy + 5}
                        className={styles.range}
                      />
                      <line
                        x1={x(s.max)}
                        x2={x(s.max)}
                        y1={cy - 5}
                        y2={cy + 5}
                        className={styles.range}
                      />
                    </>
                  )}
                  {s && <circle cx={x(s.median)} cy={cy} r="5" className={styles.dot} />}
                  <text x={width - 2} y={cy + 4} textAnchor="end" className={styles.value}>
                    {valueText(r, unit)}
                  </text>
                </g>
              )
            })}
          </svg>
        )}
      </div>
    </figure>
  )
}
