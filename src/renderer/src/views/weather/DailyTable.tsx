import { condition } from '@shared/weather/wmo'
import { dayRows, extent } from '@shared/weather/series'
import type { Daily } from '@shared/weather/forecast-schema'
import { formatClock, formatDateKey, type TimeStyle } from '@shared/weather/format-time'
import { fixedDateKey, type PlaceZone } from '@shared/weather/zoned-time'
import {
  compassPoint,
  formatPercent,
  formatPrecipitation,
  formatTemperature,
  formatWind,
  type Units
} from '@shared/weather/units'
import text from '../../components/text.module.css'
import { WeatherIcon } from './WeatherIcon'
import styles from './DailyTable.module.css'
import table from './forecast-table.module.css'

/** The 7-day table: condition, high/low on a shared scale, rain, wind, sunrise and sunset. */
export function DailyTable({
  daily,
  zone,
  style,
  units,
  todayIndex
}: {
  daily: Daily
  zone: PlaceZone
  style: TimeStyle
  units: Units
  todayIndex: number
}) {
  // Reports cover 8 days so the trail reaches 7 days ahead; the table shows a week.
  const rows = dayRows(daily).slice(0, 7)
  const offset = zone.utcOffsetSeconds
  const range = extent([...rows.map((r) => r.min), ...rows.map((r) => r.max)]) ?? [0, 1]
  const span = Math.max(1, range[1] - range[0])
  return (
    <div className={styles.fit}>
      <table className={table.table}>
        <caption className={text.visuallyHidden}>Forecast for the next {rows.length} days</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Conditions</th>
            <th scope="col" className={table.num}>
              Low
            </th>
            <th scope="col" className={styles.rangeCell}>
              <span className={text.visuallyHidden}>Temperature range</span>
            </th>
            <th scope="col" className={table.num}>
              High
            </th>
            <th scope="col" className={table.num}>
              Precipitation
            </th>
            <th scope="col" className={`${table.num} ${styles.wind}`}>
              Wind
            </th>
            <th scope="col" className={`${table.num} ${styles.sun}`}>
              Sunrise / sunset
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.date} aria-current={i === todayIndex ? 'date' : undefined}>
              <th scope="row">
                {i === todayIndex ? 'Today' : formatDateKey(fixedDateKey(r.date, offset), style)}
              </th>
              <td>
                <span className={table.cond}>
                  <WeatherIcon code={r.weatherCode} size={22} />
                  {condition(r.weatherCode).words}
                </span>
              </td>
              <td className={table.num}>{formatTemperature(r.min, units.temperature)}</td>
              <td className={styles.rangeCell}>
                {r.min !== null && r.max !== null && (
                  <span className={styles.rangeTrack}>
                    <span
                      className={styles.rangeFill}
                      style={{
                        left: `${((r.min - range[0]) / span) * 100}%`,
                        width: `${Math.max(2, ((r.max - r.min) / span) * 100)}%`
                      }}
                    />
                  </span>
                )}
              </td>
              <td className={table.num}>{formatTemperature(r.max, units.temperature)}</td>
              <td className={table.num}>
                {formatPrecipitation(r.precipitationSum, units.precipitation)}{' '}
                <span className={text.muted}>{formatPercent(r.precipitationProbability)}</span>
              </td>
              <td className={`${table.num} ${styles.wind}`}>
                {formatWind(r.windMax, units.windSpeed)}{' '}
                <span className={text.muted}>{compassPoint(r.windDirection)}</span>
              </td>
              <td className={`${table.num} ${styles.sun}`}>
                {r.sunrise !== null ? formatClock(r.sunrise, zone, style) : '—'} /{' '}
                {r.sunset !== null ? formatClock(r.sunset, zone, style) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
