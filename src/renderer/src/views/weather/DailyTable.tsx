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
import { WeatherIcon } from './WeatherIcon'

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
    <table className="wx-daily">
      <caption className="visually-hidden">Forecast for the next {rows.length} days</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Conditions</th>
          <th scope="col" className="num">
            Low
          </th>
          <th scope="col" aria-label="Temperature range" />
          <th scope="col" className="num">
            High
          </th>
          <th scope="col" className="num">
            Precipitation
          </th>
          <th scope="col" className="num">
            Wind
          </th>
          <th scope="col" className="num">
            Sunrise / sunset
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.date} aria-current={i === todayIndex ? 'date' : undefined}>
            <th scope="row">{i === todayIndex ? 'Today' : localDay(r.date, offset)}</th>
            <td>
              <span className="wx-cond">
                <WeatherIcon code={r.weatherCode} size={22} />
                {condition(r.weatherCode).words}
              </span>
            </td>
            <td className="num">{formatTemperature(r.min, units.temperature)}</td>
            <td className="range-cell">
              {r.min !== null && r.max !== null && (
                <span className="range-track">
                  <span
                    className="range-fill"
                    style={{
                      left: `${((r.min - range[0]) / span) * 100}%`,
                      width: `${Math.max(2, ((r.max - r.min) / span) * 100)}%`
                    }}
                  />
                </span>
              )}
            </td>
            <td className="num">{formatTemperature(r.max, units.temperature)}</td>
            <td className="num">
              {formatPrecipitation(r.precipitationSum, units.precipitation)}{' '}
              <span className="muted">{formatPercent(r.precipitationProbability)}</span>
            </td>
            <td className="num">
              {formatWind(r.windMax, units.windSpeed)}{' '}
              <span className="muted">{compassPoint(r.windDirection)}</span>
            </td>
            <td className="num">
              {r.sunrise !== null ? localClock(r.sunrise, offset) : '—'} /{' '}
              {r.sunset !== null ? localClock(r.sunset, offset) : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
