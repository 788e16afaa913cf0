import type { PlaceView } from '@shared/contract/weather'
import { ago, isStale, placeLabel } from '@shared/weather/time'
import type { Units } from '@shared/weather/units'
import badges from '../../components/badges.module.css'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { ReportBody } from './ReportBody'
import { useLatestReport } from './use-report'
import styles from './PlaceDetail.module.css'

/** One place: its latest stored report read as of now, and how fresh it is. */
export function PlaceDetail({
  place,
  units,
  now,
  intervalMin,
  onRefresh,
  onHistory
}: {
  place: PlaceView
  units: Units
  now: number
  intervalMin: number
  onRefresh: () => void
  onHistory: () => void
}) {
  const { report, loading, error } = useLatestReport(place.id)
  const stale = report ? isStale(report.fetchedAt, now, intervalMin) : false
  const refreshing = place.status.state === 'refreshing'
  return (
    <article className={styles.detail} aria-label={`Weather for ${placeLabel(place)}`}>
      <header className={styles.head}>
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
      {place.status.state === 'error' && place.status.error && (
        <div className={layout.alert} role="alert">
          Could not refresh {place.name}: {place.status.error.message.replace(/([^.!?])$/, '$1.')}
          {report && ' Showing the last stored report.'}
        </div>
      )}
      {place.status.pausedUntil !== null && place.status.pausedUntil > now && (
        <p className={text.muted} role="status">
          Open-Meteo asked for a pause; Skyfolio sends no forecast requests until{' '}
          {new Date(place.status.pausedUntil).toLocaleTimeString([], {
            hour: '2-digit',
            minute: '2-digit'
          })}
          .
        </p>
      )}
      {error && <div className={layout.alert}>{error}</div>}
      {report ? (
        <ReportBody report={report} atSec={Math.floor(now / 1000)} units={units} />
      ) : (
        !loading &&
        place.status.state !== 'error' && (
          <p className={`${text.muted} ${styles.waiting}`}>
            {refreshing
              ? 'Fetching the first report…'
              : 'No report stored yet. Refresh to fetch one.'}
          </p>
        )
      )}
    </article>
  )
}
