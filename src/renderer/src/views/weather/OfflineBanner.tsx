import type { PlaceView } from '@shared/contract/weather'
import { formatLocalClock } from '@shared/weather/format-time'
import { useApiQuery } from '../../data/api-query'
import { useTimeStyle } from './use-time-style'
import styles from './OfflineBanner.module.css'

/** Faults that are the connection's, not a place's: said once, in the banner. */
export const isConnectionFault = (code: string | undefined): boolean =>
  code === 'network' || code === 'timeout'

/** A place's own failure, worth saying on its card; null while the app is offline. */
export function ownError(place: PlaceView, offline: boolean): string | null {
  const e = place.status.state === 'error' ? place.status.error : null
  if (!e) return null
  if (offline && isConnectionFault(e.code)) return null
  return e.message
}

/** Whether Open-Meteo is out of reach (kept current by the `weather:connectivity` event). */
export function useOffline(): boolean {
  return useApiQuery('weather:connectivity', {}).data?.offline ?? false
}

/** One banner for the whole desk while Open-Meteo cannot be reached. */
export function OfflineBanner() {
  const style = useTimeStyle()
  const { data } = useApiQuery('weather:connectivity', {})
  if (!data?.offline) return null
  const since = data.lastSuccessAt
  return (
    <div className={styles.banner} role="status" aria-label="Offline">
      <span className={styles.dot} aria-hidden="true" />
      {since !== null
        ? `Offline — showing reports from ${formatLocalClock(since, style)}.`
        : 'Offline — no report could be fetched yet.'}{' '}
      Skyfolio retries when the connection is back.
    </div>
  )
}
