import { condition } from '@shared/weather/wmo'
import { dayRows, extent } from '@shared/weather/series'
import type { Daily } from '@shared/weather/forecast-schema'
import { localClock, localDay } from '@shared/weather/time'
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
  offset,
  units,
  todayIndex
}: {
  daily: Daily
  offset: number
  units: Units
  todayIndex: number
}) {
  const rows = dayRows(daily)
  const range = extent([...rows.map((r) => r.min), ...rows.map((r) => r.max)]) ?? [0, 1]
  const span = Math.max(1, range[1] - range[0])
  return (
    <table className={table.table}>
      <caption className={text.visuallyHidden}>Forecast for the next {rows.length} days</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Conditions</th>
          <th scope="col" className={table.num}>
            Low
          </th>
          <th scope="col" aria-label="Temperature range" />
          <th scope="col" className={table.num}>
            High
          </th>
          <th scope="col" className={table.num}>
            Precipitation
          </th>
          <th scope="col" className={table.num}>
            Wind
          </th>
          <th scope="col" className={table.num}>
            Sunrise / sunset
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.date} aria-current={i === todayIndex ? 'date' : undefined}>
            <th scope="row">{i === todayIndex ? 'Today' : localDay(r.date, offset)}</th>
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
            <td className={table.num}>
              {formatWind(r.windMax, units.windSpeed)}{' '}
              <span className={text.muted}>{compassPoint(r.windDirection)}</span>
            </td>
            <td className={table.num}>
              {r.sunrise !== null ? localClock(r.sunrise, offset) : '—'} /{' '}
              {r.sunset !== null ? localClock(r.sunset, offset) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
