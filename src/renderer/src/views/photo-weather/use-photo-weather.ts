import { useApiMutation, useApiQuery } from '../../data/api-query'

/**
 * The feature's status, kept current by photo-weather:status-changed (data/invalidations.ts),
 * and the switch that turns it on or off.
 */
export function usePhotoWeather() {
  const status = useApiQuery('photo-weather:status', {})
  const setEnabled = useApiMutation('photo-weather:set-enabled')
  return {
    status: status.data ?? null,
    statusError: status.error,
    enabled: status.data?.enabled ?? false,
    setEnabled: (enabled: boolean) => setEnabled.mutate({ enabled }),
    switching: setEnabled.isPending,
    switchError: setEnabled.error
  }
}
