import { memo } from 'react'
import type { HistoryPoint, Place } from '@shared/contract/weather'
import {
  formatClock,
  formatClockSeconds,
  formatDayClock,
  type TimeStyle
} from '@shared/weather/format-time'
import {
  formatTemperature,
  temperature,
  temperatureSymbol,
  type Units
} from '@shared/weather/units'
import { ErrorNotice } from '../../components/ErrorNotice'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { useChartWidth } from '../../components/use-chart-width'
import { useApiQuery } from '../../data/api-query'
import { TempGrid } from './ChartAxes'
import { userZone } from './compare-labels'
import { linePath, tempAxis } from './weather-chart-scale'
import parts from './chart-parts.module.css'
import styles from './HistoryChart.module.css'

// Drawn in real pixels (the width follows the box, text stays the legend's size), so the
// chart reads the same beside the list or across the view above it.
const H = 200
const M = { left: 40, right: 16, top: 12, bottom: 26 }
const PH = H - M.top - M.bottom
const MAX_MARKS = 200
const MINUTE = 60_000
const DAY = 86_400_000

type Key = 'temperature' | 'tempMax' | 'tempMin'
const SERIES: { key: Key; label: string; className: string }[] = [
  { key: 'tempMax', label: "Today's high", className: 'high' },
  { key: 'temperature', label: 'Temperature then', className: 'now' },
  { key: 'tempMin', label: "Today's low", className: 'low' }
]

/**
 * What each stored report of a place said when it was fetched (the temperature then and that
 * day's high and low), placed by fetch time: one mark per report. Memoized: the History view
 * renders on every scroll of its list, the chart only when its place, span, units or clock do.
 */
export const HistoryChart = memo(function HistoryChart({
  place,
  from,
  to,
  units,
  style
}: {
  place: Place
  from: number | null
  to: number | null
  units: Units
  style: TimeStyle
}) {
  const series = useApiQuery('weather:history-series', { placeId: place.id, from, to })
  const points = series.data?.points ?? []
  return (
    <section
      className={`${layout.card} ${styles.panel}`}
      aria-labelledby={`history-chart-${place.id}`}
    >
      <h3 id={`history-chart-${place.id}`} className={styles.heading}>
        What {place.name}’s reports said over time
      </h3>
      {series.error && (
        <ErrorNotice error={series.error} what="The reports could not be read for the chart" />
      )}
      {series.data && points.length === 0 && (
        <p className={text.muted}>No report of {place.name} in this span.</p>
      )}
      {points.length > 0 && <Drawing points={points} units={units} style={style} />}
      {series.data && series.data.total > points.length && (
        <p className={text.muted}>
          Drawn: the newest {points.length.toLocaleString()} of all{' '}
          {series.data.total.toLocaleString()}.
        </p>
      )}
    </section>
  )
})

function Drawing({
  points,
  units,
  style
}: {
  points: readonly HistoryPoint[]
  units: Units
  style: TimeStyle
}) {
  const [box, W] = useChartWidth<HTMLDivElement>(480)
  const PW = Math.max(10, W - M.left - M.right)
  const sym = temperatureSymbol(units.temperature)
  const value = (p: HistoryPoint, key: Key): number | null =>
    p[key] === null ? null : temperature(p[key], units.temperature)
  const values = SERIES.map((s) => points.map((p) => value(p, s.key)))
  const axis = tempAxis(values.flat())
  const t0 = points[0]!.fetchedAt
  const t1 = points.at(-1)!.fetchedAt
  const span = t1 - t0
  const x = (i: number): number =>
    span <= 0 ? M.left + PW / 2 : M.left + ((points[i]!.fetchedAt - t0) / span) * PW
  const y = (v: number): number => M.top + PH - ((v - axis.lo) / (axis.hi - axis.lo)) * PH
  // A mark per report while they stand apart; past that the lines alone read better (and a
  // thousand marks with their titles cost the window more than they tell).
  const marked = points.length <= MAX_MARKS
  const last = points.at(-1)!
  // On the user's own clock, as the list beside it says when each report was fetched.
  const zone = userZone(t1)
  const when = (ms: number): string =>
    (span < 10 * MINUTE ? formatClockSeconds : span < DAY ? formatClock : formatDayClock)(
      ms / 1000,
      zone,
      style
    )
  // First, middle and last fetch; fewer when the labels would say the same or crowd.
  const candidates = span <= 0 ? [t0] : PW < 300 ? [t0, t1] : [t0, t0 + span / 2, t1]
  const timeTicks = candidates
    .map((t, k): { t: number; label: string; anchor: 'start' | 'middle' | 'end' } => ({
      t,
      label: when(t),
      anchor:
        span <= 0 ? 'middle' : k === 0 ? 'start' : k === candidates.length - 1 ? 'end' : 'middle'
    }))
    .filter((tick, k, all) => all.findIndex((o) => o.label === tick.label) === k)
  const summary =
    `${points.length} report${points.length === 1 ? '' : 's'}, fetched ${when(t0)}` +
    (when(t1) !== when(t0) ? ` to ${when(t1)}` : '') +
    `; the newest said ${formatTemperature(last.temperature, units.temperature)}, high ${formatTemperature(last.tempMax, units.temperature)}, low ${formatTemperature(last.tempMin, units.temperature)}`

  return (
    <figure className={parts.chart}>
      <figcaption className={`${parts.legend} ${styles.legend}`}>
        {SERIES.map((s) => (
          <span key={s.key} className={`${parts.key} ${styles.key} ${styles[s.className]}`}>
            {s.label} ({sym})
          </span>
        ))}
      </figcaption>
      <div ref={box} className={styles.box}>
        <svg
          className={`${parts.svg} ${styles.svg}`}
          width={W}
          height={H}
          role="img"
          aria-label={`What each report said when fetched: ${summary}.`}
          data-reports={points.length}
        >
          <g className={parts.grid}>
            <TempGrid ticks={axis.ticks} y={y} left={M.left} right={W - M.right} symbol={sym} />
            {timeTicks.map((tick) => (
              <text
                key={tick.t}
                x={span <= 0 ? M.left + PW / 2 : M.left + ((tick.t - t0) / span) * PW}
                y={H - 10}
                textAnchor={tick.anchor}
              >
                {tick.label}
              </text>
            ))}
          </g>
          {SERIES.map((s, k) => (
            <path
              key={s.key}
              className={`${styles.line} ${styles[s.className]}`}
              d={linePath(values[k]!, x, y)}
            />
          ))}
          {marked &&
            points.map((p, i) => (
              <g key={p.id} data-report={p.id} className={styles.mark}>
                <title>
                  {`Fetched ${when(p.fetchedAt)}: ${formatTemperature(p.temperature, units.temperature)}, high ${formatTemperature(p.tempMax, units.temperature)}, low ${formatTemperature(p.tempMin, units.temperature)}`}
                </title>
                {SERIES.map((s, k) =>
                  values[k]![i] === null ? null : (
                    <circle
                      key={s.key}
                      className={styles[s.className]}
                      cx={x(i)}
                      cy={y(values[k]![i]!)}
                      r={points.length > 60 ? 2 : 3}
                    />
                  )
                )}
              </g>
            ))}
        </svg>
      </div>
    </figure>
  )
}
