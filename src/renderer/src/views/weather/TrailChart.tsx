import type { ForecastTrail } from '@shared/contract/weather'
import { formatDayClock, type TimeStyle } from '@shared/weather/format-time'
import {
  formatPercent,
  formatTemperature,
  temperature,
  temperatureSymbol,
  type Units
} from '@shared/weather/units'
import type { PlaceZone } from '@shared/weather/zoned-time'
import { PercentAxis, TempGrid } from './ChartAxes'
import { tempAxis } from './weather-chart-scale'
import parts from './chart-parts.module.css'
import styles from './TrailChart.module.css'

const W = 640
const H = 220
const M = { left: 40, right: 40, top: 16, bottom: 34 }
const PW = W - M.left - M.right
const PH = H - M.top - M.bottom

const leadWords = (d: number): string => (d === 0 ? 'same day' : `${d} d ahead`)

/**
 * How the forecast for one day moved: high, low and chance of rain as each stored report said
 * them, oldest fetch left, with what was observed drawn across.
 */
export function TrailChart({
  trail,
  zone,
  style,
  units
}: {
  trail: ForecastTrail
  zone: PlaceZone
  style: TimeStyle
  units: Units
}) {
  const pts = trail.points
  const t = (c: number | null): number | null =>
    c === null ? null : temperature(c, units.temperature)
  const highs = pts.map((p) => t(p.high))
  const lows = pts.map((p) => t(p.low))
  const obsHigh = t(trail.observed?.high ?? null)
  const obsLow = t(trail.observed?.low ?? null)
  const { lo, hi, ticks } = tempAxis([...highs, ...lows, obsHigh, obsLow])
  const x = (i: number): number => M.left + (pts.length <= 1 ? PW / 2 : (i / (pts.length - 1)) * PW)
  const y = (v: number): number => M.top + PH - ((v - lo) / (hi - lo)) * PH
  const yP = (p: number): number => M.top + PH - (p / 100) * PH
  // Joined across a report without the value: each point is a report, not an hour.
  const line = (vals: (number | null)[]): string =>
    vals
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((s): s is string => s !== null)
      .map((s, k) => `${k ? 'L' : 'M'}${s}`)
      .join('')
  const barW = Math.max(3, Math.min(24, PW / Math.max(1, pts.length) - 4))
  const labelEvery = Math.max(1, Math.ceil(pts.length / 8))
  const sym = temperatureSymbol(units.temperature)
  const summary = pts.length
    ? `${pts.length} reports; first said high ${formatTemperature(pts[0]!.high, units.temperature)}, last ${formatTemperature(pts.at(-1)!.high, units.temperature)}` +
      (trail.observed
        ? `; observed high ${formatTemperature(trail.observed.high, units.temperature)}, low ${formatTemperature(trail.observed.low, units.temperature)}`
        : '')
    : 'no stored report predicted this day'

  return (
    <figure className={parts.chart}>
      <figcaption className={`${parts.legend} ${styles.legend}`}>
        <span className={`${parts.key} ${styles.high}`}>Forecast high</span>
        <span className={`${parts.key} ${styles.low}`}>Forecast low</span>
        <span className={`${parts.key} ${styles.precip}`}>Chance of rain</span>
        {trail.observed && <span className={`${parts.key} ${styles.observed}`}>Observed</span>}
      </figcaption>
      <svg
        className={`${parts.svg} ${parts.scaled} ${styles.svg}`}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`How the forecast moved: ${summary}`}
      >
        <g className={parts.grid}>
          <TempGrid ticks={ticks} y={y} left={M.left} right={W - M.right} symbol={sym} />
          <PercentAxis y={yP} right={W - M.right} />
        </g>
        {pts.map((p, i) =>
          p.precipitationProbability === null ? null : (
            <rect
              key={p.reportId}
              className={styles.precipBar}
              x={x(i) - barW / 2}
              y={yP(p.precipitationProbability)}
              width={barW}
              height={M.top + PH - yP(p.precipitationProbability)}
            >
              <title>{`${formatDayClock(p.fetchedAt / 1000, zone, style)}: ${formatPercent(p.precipitationProbability)}`}</title>
            </rect>
          )
        )}
        {obsHigh !== null && (
          <line
            className={styles.obsLine}
            x1={M.left}
            x2={W - M.right}
            y1={y(obsHigh)}
            y2={y(obsHigh)}
          />
        )}
        {obsLow !== null && (
          <line
            className={styles.obsLine}
            x1={M.left}
            x2={W - M.right}
            y1={y(obsLow)}
            y2={y(obsLow)}
          />
        )}
        <path className={styles.highLine} d={line(highs)} />
        <path className={styles.lowLine} d={line(lows)} />
        {pts.map((p, i) => (
          <g key={p.reportId}>
            {highs[i] !== null && (
              <circle className={styles.highDot} cx={x(i)} cy={y(highs[i]!)} r={3} />
            )}
            {lows[i] !== null && (
              <circle className={styles.lowDot} cx={x(i)} cy={y(lows[i]!)} r={3} />
            )}
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - 14} textAnchor="middle">
                {leadWords(p.leadDays)}
              </text>
            )}
          </g>
        ))}
        <text x={M.left} y={H - 2} className={parts.axisNote}>
          by the time each report was fetched →
        </text>
      </svg>
    </figure>
  )
}
