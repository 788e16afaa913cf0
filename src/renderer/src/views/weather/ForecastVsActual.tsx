import { useState } from 'react'
import type { Accuracy } from '@shared/contract/weather'
import { formatDateKey, type TimeStyle } from '@shared/weather/format-time'
import { formatTemperature, type Units } from '@shared/weather/units'
import type { PlaceZone } from '@shared/weather/zoned-time'
import { ErrorNotice } from '../../components/ErrorNotice'
import text from '../../components/text.module.css'
import { useApiQuery } from '../../data/api-query'
import { TrailChart } from './TrailChart'
import table from './forecast-table.module.css'
import styles from './ForecastVsActual.module.css'

/** What the stored reports say about the forecast here: how it moved, and how good it is. */
export function ForecastVsActual({
  placeId,
  zone,
  style,
  units
}: {
  placeId: number
  zone: PlaceZone
  style: TimeStyle
  units: Units
}) {
  const days = useApiQuery('weather:forecast-days', { placeId })
  const list = days.data?.days ?? []
  // By default the latest observed day with a trail, else the nearest day with the most reports.
  const fallback =
    list.find((d) => d.observed && d.reports > 1)?.date ??
    list.reduceRight<(typeof list)[number] | null>(
      (best, d) => (best === null || d.reports > best.reports ? d : best),
      null
    )?.date ??
    null
  const [chosen, setChosen] = useState<string | null>(null)
  const date = chosen && list.some((d) => d.date === chosen) ? chosen : fallback
  const trail = useApiQuery(
    'weather:forecast-trail',
    { placeId, date: date ?? '2000-01-01' },
    { enabled: date !== null }
  )
  const accuracy = useApiQuery('weather:accuracy', { placeId })

  return (
    <section className={styles.panel} aria-labelledby={`fva-${placeId}`}>
      <h3 id={`fva-${placeId}`}>Forecast vs what happened</h3>
      {days.error && <ErrorNotice error={days.error} what="The forecast days could not be read" />}
      <div className={styles.grid}>
        <div className={styles.trail}>
          <div className={styles.pick}>
            <label htmlFor={`fva-day-${placeId}`}>How the forecast moved for</label>
            <select
              id={`fva-day-${placeId}`}
              value={date ?? ''}
              disabled={list.length === 0}
              onChange={(e) => setChosen(e.target.value)}
            >
              {list.map((d) => (
                <option key={d.date} value={d.date}>
                  {formatDateKey(d.date, style)} · {d.reports} report{d.reports === 1 ? '' : 's'}
                  {d.observed ? ' · observed' : ''}
                </option>
              ))}
            </select>
          </div>
          {trail.error && (
            <ErrorNotice error={trail.error} what="The forecast trail could not be read" />
          )}
          {trail.data && (
            <>
              <TrailChart trail={trail.data} zone={zone} style={style} units={units} />
              <p className={`${text.muted} ${styles.note}`}>
                {trail.data.observedState === 'observed' && trail.data.observed
                  ? `Observed: high ${formatTemperature(trail.data.observed.high, units.temperature)}, low ${formatTemperature(trail.data.observed.low, units.temperature)} (Open-Meteo ${trail.data.observed.source}).`
                  : trail.data.observedState === 'future'
                    ? 'The day is not over yet: what happened is drawn once it is.'
                    : 'The day is over; what happened is fetched when Open-Meteo can be reached.'}
              </p>
            </>
          )}
          {list.length === 0 && days.data && <p className={text.muted}>No stored report yet.</p>}
        </div>
        <div className={styles.accuracy}>
          {accuracy.error && (
            <ErrorNotice error={accuracy.error} what="The forecast's accuracy could not be read" />
          )}
          {accuracy.data && <AccuracyTable accuracy={accuracy.data} units={units} />}
        </div>
      </div>
    </section>
  )
}

const pct = (v: number): string => `${Math.round(v * 100)}%`

/** Mean absolute error of high and low and the rain hit rate, by how far ahead. */
export function AccuracyTable({ accuracy, units }: { accuracy: Accuracy; units: Units }) {
  // An error is a difference: °F differences are 9/5 of °C ones, without the 32.
  const diff = (c: number): string =>
    `±${(units.temperature === 'fahrenheit' ? (c * 9) / 5 : c).toFixed(1)}°`
  const { rules } = accuracy
  return (
    <table className={`${table.table} ${styles.table}`} aria-label="How good the forecast is here">
      <caption className={styles.caption}>How good the forecast is here</caption>
      <thead>
        <tr>
          <th scope="col">Ahead</th>
          <th scope="col" className={table.num}>
            High
          </th>
          <th scope="col" className={table.num}>
            Low
          </th>
          <th scope="col" className={table.num}>
            Rain call
          </th>
          <th scope="col" className={table.num}>
            Reports
          </th>
        </tr>
      </thead>
      <tbody>
        {accuracy.leads.map((l) => (
          <tr key={l.leadDays}>
            <th scope="row">
              {l.leadDays} day{l.leadDays === 1 ? '' : 's'}
            </th>
            {l.state === 'not-enough' ? (
              <td colSpan={3} className={text.muted}>
                Not enough reports yet ({l.days} of {l.daysNeeded} days)
              </td>
            ) : (
              <>
                <td className={table.num}>{l.high ? diff(l.high.value) : '—'}</td>
                <td className={table.num}>{l.low ? diff(l.low.value) : '—'}</td>
                <td className={table.num}>{l.rain ? pct(l.rain.value) : '—'}</td>
              </>
            )}
            <td className={table.num}>
              {l.reports} <span className={text.muted}>/ {l.days} d</span>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={5} className={`${text.muted} ${styles.foot}`}>
            Mean absolute error of the daily high and low; rain call right when a chance of{' '}
            {rules.rainChancePercent}% or more met a day with {rules.wetDayMm} mm or more. Figures
            need {rules.minDays} observed days.
          </td>
        </tr>
      </tfoot>
    </table>
  )
}
