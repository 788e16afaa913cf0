import { useCallback, useEffect, useState } from 'react'
import type { PlaceView } from '@shared/contract/weather'
import { useEvent } from '../../hooks/use-event'
import { call, errorText } from '../../lib/api'

/** The place list, read from the store at once and kept live by events. */
export function usePlaces() {
  const [places, setPlaces] = useState<PlaceView[]>([])
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    call('weather:places', {})
      .then((r) => live && setPlaces(r.places))
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [])

  useEvent('weather:places-changed', (r) => setPlaces(r.places))
  useEvent('weather:place-status', ({ placeId, status }) =>
    setPlaces((list) => list.map((p) => (p.id === placeId ? { ...p, status } : p)))
  )
  useEvent('weather:report-stored', ({ report }) =>
    setPlaces((list) => list.map((p) => (p.id === report.placeId ? { ...p, latest: report } : p)))
  )

  const run = useCallback(async (work: () => Promise<{ places: PlaceView[] }>) => {
    try {
      setError(null)
      setPlaces((await work()).places)
    } catch (e) {
      setError(errorText(e))
    }
  }, [])

  return { places, loaded, error, setError, run }
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
