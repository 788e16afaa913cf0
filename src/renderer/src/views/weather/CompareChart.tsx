import type { Report } from '@shared/contract/weather'
import { extent, nextHours } from '@shared/weather/series'
import { formatPercent, temperature, temperatureSymbol, type Units } from '@shared/weather/units'
import { PercentAxis, TempGrid } from './ChartAxes'
import { versus } from './compare-labels'
import { linePath, tempAxis } from './weather-chart-scale'
import parts from './chart-parts.module.css'
import styles from './CompareChart.module.css'

const W = 720
const H = 240
const M = { left: 40, right: 44, top: 14, bottom: 40 }
const PW = W - M.left - M.right
const PH = H - M.top - M.bottom
const HOURS = 48

/**
 * Two reports overlaid: each one's temperature (lines) and chance of precipitation (paired
 * bars) over the hours after it was fetched, so two places, or one place at two times, read
 * on one axis. Report a is solid, b dashed, so the two tell apart without colour too.
 */
export function CompareChart({
  a,
  b,
  labels,
  units
}: {
  a: Report
  b: Report
  labels: readonly [string, string]
  units: Units
}) {
  const sym = temperatureSymbol(units.temperature)
  const runs = [a, b].map((r) => {
    const hours = nextHours(r.payload.forecast.hourly, Math.floor(r.fetchedAt / 1000), HOURS)
    return {
      temps: hours.map((h) =>
        h.temperature === null ? null : temperature(h.temperature, units.temperature)
      ),
      chances: hours.map((h) => h.precipitationProbability)
    }
  })
  const n = Math.max(2, ...runs.map((r) => r.temps.length))
  const axis = tempAxis(runs.flatMap((r) => r.temps))
  const x = (i: number): number => M.left + (i / (n - 1)) * PW
  const y = (v: number): number => M.top + PH - ((v - axis.lo) / (axis.hi - axis.lo)) * PH
  const yP = (p: number): number => M.top + PH - (p / 100) * PH
  const barW = Math.max(1, PW / n / 2 - 0.5)
  const hourTicks = Array.from({ length: Math.floor((n - 1) / 6) + 1 }, (_, k) => k * 6)

  const describe = (k: 0 | 1): string => {
    const t = extent(runs[k]!.temps)
    const p = extent(runs[k]!.chances)
    return `${labels[k]} ${t ? `${Math.round(t[0])} to ${Math.round(t[1])}${sym}` : 'no temperatures'}, chance of precipitation up to ${p ? formatPercent(p[1]) : '—'}`
  }
  const summary = `${versus(labels)}, the ${HOURS} hours after each report was fetched: ${describe(0)}; ${describe(1)}.`

  return (
    <figure className={parts.chart}>
      <figcaption className={`${parts.legend} ${styles.legend}`}>
        {labels.map((label, k) => (
          <span key={k} className={`${styles.place} ${k ? styles.b : styles.a}`}>
            <span className={styles.line} aria-hidden="true" />
            <span className={styles.bar} aria-hidden="true" />
            {label}
          </span>
        ))}
        <span className={styles.what}>
          Lines: temperature ({sym}) · bars: chance of precipitation (%)
        </span>
      </figcaption>
      <svg
        className={`${parts.svg} ${parts.scaled} ${styles.svg}`}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
      >
        <g className={parts.grid}>
          <TempGrid ticks={axis.ticks} y={y} left={M.left} right={W - M.right} symbol={sym} />
          <PercentAxis y={yP} right={W - M.right} />
          {hourTicks.map((h) => (
            <text key={h} x={x(h)} y={M.top + PH + 16} textAnchor="middle">
              +{h} h
            </text>
          ))}
        </g>
        {runs.map((run, k) => (
          <g key={k} className={k ? styles.b : styles.a} data-series={k ? 'b' : 'a'}>
            {run.chances.map((p, i) =>
              p === null || p <= 0 ? null : (
                <rect
                  key={i}
                  className={styles.precipBar}
                  x={Math.max(M.left, x(i) - barW + k * barW)}
                  width={barW}
                  y={yP(p)}
                  height={M.top + PH - yP(p)}
                />
              )
            )}
            <path className={styles.tempLine} d={linePath(run.temps, x, y)} />
          </g>
        ))}
        <text x={M.left} y={H - 4} className={parts.axisNote}>
          hours after each report was fetched →
        </text>
      </svg>
    </figure>
  )
}
