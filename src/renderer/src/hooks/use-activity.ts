import { useEffect, useMemo, useState } from 'react'
import type { ActivitySample, LoopSpan } from '@shared/contract'
import { useApiQuery } from '../data/api-query'
import { call, errorText } from '../lib/api'
import { pushRing } from '../lib/ring'
import { useEvent } from './use-event'

const RENEW_MS = 4000
/** Five minutes at 2 Hz: what main keeps, and what the view keeps while open. */
export const LIVE_CAPACITY = 600

/**
 * Main's history (the last five minutes, fetched once on open) followed by the samples
 * pushed since, oldest first; never more than `capacity`.
 */
export function withHistory(
  history: readonly ActivitySample[],
  live: readonly ActivitySample[],
  capacity: number
): ActivitySample[] {
  const firstLive = live[0]?.at ?? Infinity
  const merged = [...history.filter((s) => s.at < firstLive), ...live]
  return merged.length > capacity ? merged.slice(merged.length - capacity) : merged
}

/**
 * Live samples from main while this component is mounted and the page is visible, after the
 * history main kept while nobody watched. Main pushes samples only while someone watches, on
 * a lease this hook renews; each renewal also brings main's event-loop delay over the whole
 * time this view has watched.
 */
export function useActivitySamples(capacity = LIVE_CAPACITY): {
  samples: ActivitySample[]
  span: LoopSpan | null
  historyError: Error | null
} {
  const [live, setLive] = useState<ActivitySample[]>([])
  const [span, setSpan] = useState<LoopSpan | null>(null)
  // Read once per opening: the pushed samples carry it on from there.
  const history = useApiQuery(
    'activity:history',
    {},
    { staleTime: 0, gcTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false }
  )
  useEvent('activity:sample', (sample) => setLive((s) => pushRing(s, sample, capacity)))

  useEffect(() => {
    const watcher = `view-${Math.random().toString(36).slice(2, 10)}`
    const watch = (watching: boolean): void => {
      call('activity:watch', { watcher, watching })
        .then((r) => {
          if (watching) setSpan(r.loop)
        })
        // Background renewal: the next one (4 s on) tries again; the charts just pause.
        .catch((e: unknown) =>
          console.warn(
            `Activity: could not ${watching ? 'renew' : 'end'} the sampling lease:`,
            errorText(e)
          )
        )
    }
    const renew = (): void => watch(!document.hidden)
    renew()
    const timer = setInterval(() => {
      if (!document.hidden) watch(true)
    }, RENEW_MS)
    document.addEventListener('visibilitychange', renew)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', renew)
      watch(false)
    }
  }, [])

  const kept = history.data?.samples
  const samples = useMemo(() => withHistory(kept ?? [], live, capacity), [kept, live, capacity])
  return { samples, span, historyError: history.error }
}
