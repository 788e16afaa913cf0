import { memo } from 'react'
import type { Place, ReportSummary } from '@shared/contract/weather'
import { formatLocalClock, type TimeStyle } from '@shared/weather/format-time'
import { ago, placeLabel } from '@shared/weather/time'
import { formatTemperature, type Units } from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import text from '../../components/text.module.css'
import { cx } from '../../lib/cx'
import columns from './history-columns.module.css'
import { useTimeStyle } from './use-time-style'
import { WeatherIcon } from './WeatherIcon'
import styles from './HistoryRow.module.css'

/** The height of one history row, in pixels. */
export const ROW = 48

const date = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric'
})
/** When a report was fetched, on the user's clock, with the 12/24-hour setting. */
export const formatFetched = (ms: number, style: TimeStyle): string =>
  `${date.format(new Date(ms))}, ${formatLocalClock(ms, style)}`

/**
 * One history row; memoized so scrolling renders only the rows that come into view. Its open
 * button is the row's one focus stop (`data-index` finds it): tabbable only on the active row,
 * and there even while the row loads, so focus stays put when the data arrives.
 */
export const HistoryRow = memo(function HistoryRow({
  index,
  start,
  total,
  report: r,
  place,
  picked,
  tabbable,
  describedBy,
  units,
  now,
  onToggle,
  onOpen,
  onActive
}: {
  index: number
  start: number
  total: number
  report: ReportSummary | null
  place: Place | undefined
  picked: boolean
  tabbable: boolean
  describedBy: string
  units: Units
  now: number
  onToggle: (id: number) => void
  onOpen: (id: number) => void
  onActive: (index: number) => void
}) {
  const style = useTimeStyle()
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      className={cx(styles.row, picked && styles.picked)}
      style={{ transform: `translateY(${start}px)`, height: ROW }}
      onFocus={() => onActive(index)}
    >
      {r ? (
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={`Pick the report of ${formatFetched(r.fetchedAt, style)} to compare`}
          checked={picked}
          onChange={() => onToggle(r.id)}
        />
      ) : null}
      <button
        type="button"
        className={`${columns.columns} ${styles.open}`}
        data-index={index}
        tabIndex={tabbable ? 0 : -1}
        aria-describedby={describedBy}
        onClick={() => r && onOpen(r.id)}
        aria-label={
          r
            ? `Open the report for ${place ? placeLabel(place) : 'a place'} fetched ${formatFetched(r.fetchedAt, style)}`
            : `Report ${index + 1}, loading`
        }
      >
        {r ? (
          <>
            <span>
              {formatFetched(r.fetchedAt, style)}{' '}
              <span className={text.muted}>· {ago(r.fetchedAt, now)}</span>
            </span>
            <span>
              {place ? placeLabel(place) : '…'}
              {place?.removed && <span className={text.muted}> (removed)</span>}
            </span>
            <span className={styles.cond}>
              <WeatherIcon code={r.weatherCode} isDay={r.isDay} size={22} />
              {condition(r.weatherCode).words}
            </span>
            <span className={styles.num}>
              {formatTemperature(r.temperature, units.temperature)}
            </span>
            <span className={`${styles.num} ${text.muted}`}>
              {formatTemperature(r.tempMax, units.temperature)} /{' '}
              {formatTemperature(r.tempMin, units.temperature)}
            </span>
          </>
        ) : (
          <span className={`${text.muted} ${styles.loading}`}>Loading…</span>
        )}
      </button>
    </div>
  )
})
