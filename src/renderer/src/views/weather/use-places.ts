import { useCallback, useEffect, useState } from 'react'
import type { PlaceView } from '@shared/contract/weather'
import { useApiQuery } from '../../data/api-query'
import { errorText } from '../../lib/api'

const noPlaces: PlaceView[] = []

/**
 * The place list, read from the store at once and kept live by events (places, statuses and
 * new reports: see data/invalidations.ts). `error` is the last action's failure, in words;
 * `loadError` why the list itself could not be read.
 */
export function usePlaces() {
  const list = useApiQuery('weather:places', {})
  const [error, setError] = useState<string | null>(null)

  // Actions update the list through their answers (useApiMutation's result table).
  const run = useCallback(async (work: () => Promise<unknown>) => {
    try {
      setError(null)
      await work()
    } catch (e) {
      setError(errorText(e))
    }
  }, [])

  return {
    places: list.data?.places ?? noPlaces,
    // Read or failed: either way the empty state may show.
    loaded: !list.isPending,
    loadError: list.error,
    error,
    setError,
    run
  }
}

/** A clock for "updated N min ago" and "now" in reports: ticks every 30 s. */
export function useNow(periodMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs)
    return () => clearInterval(t)
  }, [periodMs])
  return now
}
