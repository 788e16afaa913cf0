import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { extent, segments, type HourPoint } from '@shared/weather/series'
import { formatClock, formatHour, formatWeekday, type TimeStyle } from '@shared/weather/format-time'
import { localHour } from '@shared/weather/time'
import type { PlaceZone } from '@shared/weather/zoned-time'
import {
  formatPercent,
  formatTemperature,
  formatWind,
  temperature,
  temperatureSymbol,
  windSpeed,
  windSymbol,
  type Units
} from '@shared/weather/units'
import text from '../../components/text.module.css'
import parts from './chart-parts.module.css'
import styles from './ForecastChart.module.css'

const W = 720
const H = 230
const M = { left: 40, right: 46, top: 22, bottom: 26 }
const PW = W - M.left - M.right
const PH = H - M.top - M.bottom

/** Next 48 hours: temperature line, precipitation-probability bars and wind, drawn in SVG. */
export function ForecastChart({
  hours,
  zone,
  style,
  units
}: {
  hours: HourPoint[]
  zone: PlaceZone
  style: TimeStyle
  units: Units
}) {
  const offset = zone.utcOffsetSeconds
  const [cursor, setCursor] = useState<number | null>(null)
  const geo = useMemo(() => {
    const temps = hours.map((h) =>
      h.temperature === null ? null : temperature(h.temperature, units.temperature)
    )
    const winds = hours.map((h) =>
      h.windSpeed === null ? null : windSpeed(h.windSpeed, units.windSpeed)
    )
    const [tLo, tHi] = extent(temps) ?? [0, 10]
    const step = 5
    const lo = Math.floor((tLo - 1) / step) * step
    const hi = Math.max(lo + step * 2, Math.ceil((tHi + 1) / step) * step)
    const wMax = Math.max(10, Math.ceil(((extent(winds)?.[1] ?? 10) * 1.15) / 10) * 10)
    const x = (i: number): number =>
      M.left + (hours.length <= 1 ? 0 : (i / (hours.length - 1)) * PW)
    const yT = (v: number): number => M.top + PH - ((v - lo) / (hi - lo)) * PH
    const yW = (v: number): number => M.top + PH - (v / wMax) * PH
    const yP = (p: number): number => M.top + PH - (p / 100) * PH
    const idx = hours.map((_, i) => i)
    const path = (vals: (number | null)[], y: (v: number) => number): string[] =>
      segments(idx, (i) => vals[i]!).map((run) =>
        run.map((i, k) => `${k ? 'L' : 'M'}${x(i).toFixed(1)},${y(vals[i]!).toFixed(1)}`).join('')
      )
    const tTicks: number[] = []
    for (let v = lo; v <= hi; v += step) tTicks.push(v)
    return {
      temps,
      winds,
      lo,
      hi,
      wMax,
      x,
      yT,
      yW,
      yP,
      tempPaths: path(temps, yT),
      windPaths: path(winds, yW),
      tTicks
    }
  }, [hours, units])

  if (hours.length === 0) {
    return <p className={text.muted}>This report has no hourly forecast from this time on.</p>
  }

  const barW = Math.max(2, PW / hours.length - 2)
  const at = cursor === null ? null : hours[cursor]
  const readout = at
    ? `${formatWeekday(at.time, zone, style)} ${formatClock(at.time, zone, style)} · ${formatTemperature(at.temperature, units.temperature)} · rain ${formatPercent(at.precipitationProbability)} · wind ${formatWind(at.windSpeed, units.windSpeed)}`
    : 'Point at the chart, or focus it and use the arrow keys, to read an hour.'

  const onMove = (e: PointerEvent<SVGSVGElement>): void => {
    const box = e.currentTarget.getBoundingClientRect()
    const px = ((e.clientX - box.left) / box.width) * W
    const i = Math.round(((px - M.left) / PW) * (hours.length - 1))
    setCursor(Math.max(0, Math.min(hours.length - 1, i)))
  }
  const onKey = (e: KeyboardEvent<SVGSVGElement>): void => {
    const last = hours.length - 1
    const next =
      e.key === 'ArrowRight'
        ? Math.min(last, (cursor ?? -1) + 1)
        : e.key === 'ArrowLeft'
          ? Math.max(0, (cursor ?? 1) - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null
    if (next === null) return
    e.preventDefault()
    setCursor(next)
  }

  const summary = (() => {
    const t = extent(geo.temps)
    const maxP = extent(hours.map((h) => h.precipitationProbability))
    return `Next ${hours.length} hours: temperature ${t ? `${Math.round(t[0])} to ${Math.round(t[1])}${temperatureSymbol(units.temperature)}` : 'unknown'}, highest chance of rain ${maxP ? Math.round(maxP[1]) : '—'}%.`
  })()

  return (
    <figure className={parts.chart}>
      <div className={`${parts.legend} ${styles.legend}`} aria-hidden="true">
        <span className={`${parts.key} ${styles.key} ${styles.temp}`}>
          Temperature ({temperatureSymbol(units.temperature)})
        </span>
        <span className={`${parts.key} ${styles.key} ${styles.precip}`}>
          Chance of precipitation (%)
        </span>
        <span className={`${parts.key} ${styles.key} ${styles.wind}`}>
          Wind ({windSymbol(units.windSpeed)})
        </span>
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className={`${parts.svg} ${parts.scaled} ${styles.svg}`}
        role="img"
        aria-label={summary}
        tabIndex={0}
        onPointerMove={onMove}
        onPointerLeave={() => setCursor(null)}
        onKeyDown={onKey}
        onBlur={() => setCursor(null)}
      >
        {geo.tTicks.map((v) => (
          <g key={v} className={parts.grid}>
            <line x1={M.left} x2={W - M.right} y1={geo.yT(v)} y2={geo.yT(v)} />
            <text x={M.left - 6} y={geo.yT(v) + 4} textAnchor="end">
              {v}°
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text
            key={f}
            className={styles.axisRight}
            x={W - M.right + 6}
            y={geo.yW(geo.wMax * f) + 4}
          >
            {Math.round(geo.wMax * f)}
          </text>
        ))}
        {hours.map((h, i) => {
          const hour = localHour(h.time, offset)
          return (
            <g key={h.time}>
              {hour === 0 && (
                <g className={styles.dayLine}>
                  <line x1={geo.x(i)} x2={geo.x(i)} y1={M.top - 8} y2={M.top + PH} />
                  <text x={geo.x(i) + 4} y={M.top - 10}>
                    {formatWeekday(h.time, zone, style)}
                  </text>
                </g>
              )}
              {hour % 6 === 0 && (
                <text x={geo.x(i)} y={H - 8} textAnchor="middle">
                  {formatHour(h.time, zone, style)}
                </text>
              )}
              {h.precipitationProbability !== null && (
                <rect
                  className={styles.precipBar}
                  x={Math.max(M.left, geo.x(i) - barW / 2)}
                  width={Math.min(barW, W - M.right - Math.max(M.left, geo.x(i) - barW / 2))}
                  y={geo.yP(h.precipitationProbability)}
                  height={M.top + PH - geo.yP(h.precipitationProbability)}
                />
              )}
            </g>
          )
        })}
        {geo.windPaths.map((d, i) => (
          <path key={`w${i}`} className={styles.windLine} d={d} />
        ))}
        {geo.tempPaths.map((d, i) => (
          <path key={`t${i}`} className={styles.tempLine} d={d} />
        ))}
        <line className={styles.nowLine} x1={geo.x(0)} x2={geo.x(0)} y1={M.top} y2={M.top + PH} />
        {cursor !== null && (
          <g className={styles.cursor}>
            <line x1={geo.x(cursor)} x2={geo.x(cursor)} y1={M.top} y2={M.top + PH} />
            {geo.temps[cursor] != null && (
              <circle cx={geo.x(cursor)} cy={geo.yT(geo.temps[cursor]!)} r={4} />
            )}
          </g>
        )}
      </svg>
      <figcaption className={styles.readout} aria-live="polite">
        {readout}
      </figcaption>
    </figure>
  )
}
