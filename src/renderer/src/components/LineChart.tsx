import { memo, useState, type PointerEvent } from 'react'
import { agoText, niceMax, tickText, timeTicks, valueTicks } from './chart-scale'
import { useChartWidth } from './use-chart-width'
import styles from './LineChart.module.css'

export interface ChartSeries {
  label: string
  /** A CSS colour, usually a var(--chart-n). */
  color: string
  values: readonly number[]
  /** The series' budget line: every sample above it is marked and counted. */
  budget?: number
}

interface Props {
  title: string
  series: readonly ChartSeries[]
  /** When each value was measured (ms since the epoch), oldest first; one per value. */
  times: readonly number[]
  unit: string
  /** Series drawn as areas stacked on each other (a total made of parts). */
  stacked?: boolean
  /** The y axis never shrinks below this, so a quiet chart does not magnify noise. */
  minMax?: number
  /** The longest span drawn; a shorter history fills the chart's width. */
  maxSpanMs?: number
  height?: number
  digits?: number
}

const PAD = { left: 38, right: 10, top: 8, bottom: 18 }
const MIN_SPAN_MS = 5_000

/** Index of the time nearest `t` in an ascending list. */
function nearest(times: readonly number[], t: number): number {
  let lo = 0
  let hi = times.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! < t) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && t - times[lo - 1]! < times[lo]! - t ? lo - 1 : lo
}

/**
 * A time chart drawn in real pixels: value axis on the left, time axis below (back from the
 * latest sample), a dashed budget line per series with each breach marked and counted, and a
 * read-out of any moment under the pointer.
 */
export const LineChart = memo(function LineChart({
  title,
  series,
  times,
  unit,
  stacked = false,
  minMax = 1,
  maxSpanMs = 300_000,
  height = 130,
  digits = 0
}: Props) {
  const [box, width] = useChartWidth<HTMLDivElement>()
  const [hover, setHover] = useState<number | null>(null)
  const n = times.length
  const end = times[n - 1] ?? 0
  const span = Math.min(maxSpanMs, Math.max(MIN_SPAN_MS, end - (times[0] ?? end)))
  const plotW = Math.max(10, width - PAD.left - PAD.right)
  const plotH = height - PAD.top - PAD.bottom

  // Stacked: each layer sits on the sum of those before it.
  const layers = series.map((s, k) =>
    stacked
      ? s.values.map((v, i) => v + series.slice(0, k).reduce((a, p) => a + (p.values[i] ?? 0), 0))
      : s.values
  )
  const top = stacked ? (layers.at(-1) ?? []) : layers.flat()
  const budgets = series.flatMap((s) => (s.budget === undefined ? [] : [s.budget]))
  const max = niceMax(Math.max(minMax, ...budgets, ...top))

  const x = (t: number): number => PAD.left + plotW - ((end - t) / span) * plotW
  const y = (v: number): number => PAD.top + plotH - (Math.min(v, max) / max) * plotH
  const first = Math.max(
    0,
    times.findIndex((t) => end - t <= span)
  )
  const visible = (i: number): boolean => i >= first
  const points = (values: readonly number[]): string =>
    values
      .flatMap((v, i) => (visible(i) ? [`${x(times[i]!).toFixed(1)},${y(v).toFixed(1)}`] : []))
      .join(' ')

  const breaches = series.map((s) =>
    s.budget === undefined
      ? []
      : s.values.flatMap((v, i) => (visible(i) && v > s.budget! ? [i] : []))
  )
  const shown = hover ?? n - 1
  const valueAt = (s: ChartSeries): string => (s.values[shown] ?? 0).toFixed(digits)
  const readOut = series
    .map((s, k) => {
      const over = breaches[k]!.length
      return `${`${s.label} ${valueAt(s)} ${unit}`.trim()}${over ? `, ${over} over ${s.budget} ${unit}`.trimEnd() : ''}`
    })
    .join(', ')

  const onMove = (e: PointerEvent<SVGSVGElement>): void => {
    if (!n) return
    const rect = e.currentTarget.getBoundingClientRect()
    const t = end - ((PAD.left + plotW - (e.clientX - rect.left)) / plotW) * span
    setHover(nearest(times, t))
  }

  return (
    <figure className={styles.chart}>
      <figcaption>
        <span className={styles.title}>{title}</span>
        <span className={styles.legend}>
          {series.map((s, k) => (
            <span key={s.label} className={styles.key}>
              <span className={styles.swatch} style={{ background: s.color }} aria-hidden="true" />
              {s.label} <strong>{valueAt(s)}</strong> {unit}
              {breaches[k]!.length > 0 && (
                <span className={styles.breaches}>
                  ▲ {breaches[k]!.length} over {s.budget} {unit}
                </span>
              )}
            </span>
          ))}
          {hover !== null && n > 0 && (
            <span className={styles.at}>at {agoText((end - times[hover]!) / 1000)}</span>
          )}
        </span>
      </figcaption>
      <div ref={box} className={styles.box}>
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}: ${n ? readOut : 'no data yet'}`}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        >
          <rect
            x={PAD.left}
            y={PAD.top}
            width={plotW}
            height={plotH}
            className={styles.plot}
            rx="3"
          />
          {valueTicks(max).map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={PAD.left + plotW}
                y1={y(v)}
                y2={y(v)}
                className={styles.grid}
              />
              <text x={PAD.left - 5} y={y(v) + 3.5} textAnchor="end" className={styles.tick}>
                {tickText(v)}
                {v === max && unit ? ` ${unit}` : ''}
              </text>
            </g>
          ))}
          {timeTicks(span).map(({ agoMs, label }) => (
            <text
              key={agoMs}
              x={x(end - agoMs)}
              y={height - 4}
              textAnchor={agoMs === 0 ? 'end' : 'middle'}
              className={styles.tick}
            >
              {label}
            </text>
          ))}
          {stacked
            ? layers.map((layer, k) => {
                const below = k === 0 ? layer.map(() => 0) : layers[k - 1]!
                const upper = points(layer)
                const lower = points(below).split(' ').reverse().join(' ')
                return upper ? (
                  <polygon
                    key={series[k]!.label}
                    points={`${upper} ${lower}`}
                    fill={series[k]!.color}
                    stroke={series[k]!.color}
                    className={styles.area}
                  />
                ) : null
              })
            : layers.map((values, k) => (
                <polyline
                  key={series[k]!.label}
                  fill="none"
                  stroke={series[k]!.color}
                  strokeWidth="1.5"
                  points={points(values)}
                />
              ))}
          {series.map((s, k) =>
            s.budget === undefined ? null : (
              <g key={`budget-${s.label}`}>
                <line
                  x1={PAD.left}
                  x2={PAD.left + plotW}
                  y1={y(s.budget)}
                  y2={y(s.budget)}
                  stroke={s.color}
                  className={styles.budget}
                />
                <text
                  x={PAD.left + plotW - 4}
                  y={y(s.budget) - 3}
                  textAnchor="end"
                  className={styles.budgetLabel}
                >
                  {s.label} budget {s.budget} {unit}
                </text>
                {breaches[k]!.map((i) => (
                  <circle
                    key={i}
                    cx={x(times[i]!)}
                    cy={y(s.values[i]!)}
                    r="3"
                    className={styles.breach}
                  />
                ))}
              </g>
            )
          )}
          {hover !== null && n > 0 && (
            <line
              x1={x(times[hover]!)}
              x2={x(times[hover]!)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              className={styles.cursor}
            />
          )}
        </svg>
      </div>
    </figure>
  )
})
