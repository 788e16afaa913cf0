import type { PlaceView } from '@shared/contract/weather'
import { ago, isStale, placeLabel } from '@shared/weather/time'
import type { Units } from '@shared/weather/units'
import badges from '../../components/badges.module.css'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { formatLocalClock } from '@shared/weather/format-time'
import { ForecastVsActual } from './ForecastVsActual'
import { PhotosTakenHere } from '../photo-weather/PhotosTakenHere'
import { ownError } from './OfflineBanner'
import { ReportBody } from './ReportBody'
import { useTimeStyle } from './use-time-style'
import { useLatestReport } from './use-report'
import styles from './PlaceDetail.module.css'

/** One place: its latest stored report read as of now, and how fresh it is. */
export function PlaceDetail({
  place,
  units,
  now,
  intervalMin,
  offline,
  onRefresh,
  onHistory,
  onBack
}: {
  place: PlaceView
  units: Units
  now: number
  intervalMin: number
  offline: boolean
  onRefresh: () => void
  onHistory: () => void
  /** Back to the list, where places and detail show one at a time (narrow windows). */
  onBack: () => void
}) {
  const { report, loading, error } = useLatestReport(place.id)
  const style = useTimeStyle()
  const own = ownError(place, offline)
  const stale = report ? offline || isStale(report.fetchedAt, now, intervalMin) : false
  const refreshing = place.status.state === 'refreshing'
  return (
    <article className={styles.detail} aria-label={`Weather for ${placeLabel(place)}`}>
      <header className={styles.head}>
        <button type="button" className={styles.back} onClick={onBack}>
          ← Places
        </button>
        <div>
          <h2>{place.name}</h2>
          <p className={text.muted}>
            {[place.admin1, place.country].filter(Boolean).join(', ')} · {place.latitude.toFixed(2)}
            °, {place.longitude.toFixed(2)}°
            {place.elevation !== null && ` · ${Math.round(place.elevation)} m`}
          </p>
        </div>
        <div className={styles.actions}>
          <span className={text.muted} aria-live="polite">
            {refreshing
              ? 'Updating…'
              : report
                ? `Updated ${ago(report.fetchedAt, now)}`
                : loading
                  ? ''
                  : 'No report yet'}
          </span>
          {stale && !refreshing && <span className={badges.stale}>Stale</span>}
          <button type="button" onClick={onHistory}>
            History
          </button>
          <button
            type="button"
            className={buttons.primary}
            onClick={onRefresh}
            disabled={refreshing}
          >
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </header>
      {own && (
        <div className={layout.alert} role="alert">
          Could not refresh {place.name}: {own.replace(/([^.!?])$/, '$1.')}
          {report && ' Showing the last stored report.'}
        </div>
      )}
      {place.status.pausedUntil !== null && place.status.pausedUntil > now && (
        <p className={text.muted} role="status">
          Open-Meteo asked for a pause; Skyfolio sends no forecast requests until{' '}
          {formatLocalClock(place.status.pausedUntil, style)}.
        </p>
      )}
      {error && <div className={layout.alert}>{error}</div>}
      {report ? (
        <div className={styles.stack}>
          <ReportBody report={report} atSec={Math.floor(now / 1000)} units={units} />
          <ForecastVsActual
            placeId={place.id}
            zone={{ timezone: report.timezone, utcOffsetSeconds: report.utcOffsetSeconds }}
            style={style}
            units={units}
          />
        </div>
      ) : (
        !loading &&
        !own && (
          <p className={`${text.muted} ${styles.waiting}`}>
            {refreshing
              ? 'Fetching the first report…'
              : 'No report stored yet. Refresh to fetch one.'}
          </p>
        )
      )}
      <PhotosTakenHere latitude={place.latitude} longitude={place.longitude} />
    </article>
  )
}
