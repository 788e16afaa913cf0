import { useId } from 'react'
import type { Place, Report } from '@shared/contract/weather'
import { dayRows } from '@shared/weather/series'
import { ago, localDay, placeLabel } from '@shared/weather/time'
import {
  formatPrecipitation,
  formatTemperature,
  temperature,
  type Units
} from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { formatFetched } from './HistoryView'
import { useTimeStyle } from './use-time-style'
import { ReportBody } from './ReportBody'
import { CompareChart } from './CompareChart'
import { compareLabels, versus } from './compare-labels'
import { WeatherIcon } from './WeatherIcon'
import styles from './CompareView.module.css'
import table from './forecast-table.module.css'

const delta = (a: number | null, b: number | null, units: Units): string => {
  if (a === null || b === null) return '—'
  const d = temperature(b, units.temperature) - temperature(a, units.temperature)
  const r = Math.round(d)
  return r === 0 ? '±0°' : `${r > 0 ? '+' : '−'}${Math.abs(r)}°`
}

/**
 * Two reports overlaid on one chart, side by side, and day by day where their forecasts overlap: e.g. what
 * yesterday's report said about today against what today's says.
 */
export function CompareBody({
  a,
  b,
  places,
  units,
  now
}: {
  a: Report
  b: Report
  places: ReadonlyMap<number, Place>
  units: Units
  now: number
}) {
  const style = useTimeStyle()
  const chartId = useId()
  const offset = b.payload.forecast.utc_offset_seconds
  const rowsA = new Map(
    dayRows(a.payload.forecast.daily).map((r) => [localDay(r.date, a.utcOffsetSeconds), r])
  )
  const rowsB = dayRows(b.payload.forecast.daily)
  const overlap = rowsB.filter((r) => rowsA.has(localDay(r.date, offset)))
  const labels = compareLabels(a, b, places, style)
  const title = (r: Report): string => {
    const p = places.get(r.placeId)
    return `${p ? placeLabel(p) : 'Report'} — fetched ${formatFetched(r.fetchedAt, style)} (${ago(r.fetchedAt, now)})`
  }
  return (
    <div className={styles.compare}>
      <section className={layout.card} aria-labelledby={chartId}>
        <h3 id={chartId}>{versus(labels)}</h3>
        <CompareChart a={a} b={b} labels={labels} units={units} />
      </section>
      <section className={layout.card} aria-label="Day by day">
        <h3>Day by day</h3>
        {overlap.length === 0 ? (
          <p className={text.muted}>These two reports forecast no day in common.</p>
        ) : (
          <table className={table.table}>
            <caption className={styles.caption}>
              Differences are {labels[1]} minus {labels[0]}; precipitation reads {versus(labels)}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">{labels[0]}</th>
                <th scope="col">{labels[1]}</th>
                <th scope="col" className={table.num}>
                  High difference
                </th>
                <th scope="col" className={table.num}>
                  Low difference
                </th>
                <th scope="col" className={table.num}>
                  Precipitation
                </th>
              </tr>
            </thead>
            <tbody>
              {overlap.map((rb) => {
                const ra = rowsA.get(localDay(rb.date, offset))!
                return (
                  <tr key={rb.date}>
                    <th scope="row">{localDay(rb.date, offset)}</th>
                    <td>
                      <span className={table.cond}>
                        <WeatherIcon code={ra.weatherCode} size={20} />
                        {formatTemperature(ra.max, units.temperature)} /{' '}
                        {formatTemperature(ra.min, units.temperature)} ·{' '}
                        {condition(ra.weatherCode).words}
                      </span>
                    </td>
                    <td>
                      <span className={table.cond}>
                        <WeatherIcon code={rb.weatherCode} size={20} />
                        {formatTemperature(rb.max, units.temperature)} /{' '}
                        {formatTemperature(rb.min, units.temperature)} ·{' '}
                        {condition(rb.weatherCode).words}
                      </span>
                    </td>
                    <td className={table.num}>{delta(ra.max, rb.max, units)}</td>
                    <td className={table.num}>{delta(ra.min, rb.min, units)}</td>
                    <td className={table.num}>
                      {formatPrecipitation(ra.precipitationSum, units.precipitation)} vs{' '}
                      {formatPrecipitation(rb.precipitationSum, units.precipitation)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className={styles.cols}>
        {[a, b].map((r, i) => (
          <section key={r.id} aria-label={labels[i]}>
            <h3 className={styles.title}>{title(r)}</h3>
            <ReportBody
              report={r}
              atSec={Math.floor(r.fetchedAt / 1000)}
              units={units}
              compact
              asFetched
              of={labels[i]}
            />
          </section>
        ))}
      </div>
    </div>
  )
}
