import { useEffect, useState } from 'react'
import type { ActivitySample, LoopSpan } from '@shared/contract'
import { call, errorText } from '../lib/api'
import { pushRing } from '../lib/ring'
import { useEvent } from './use-event'

const RENEW_MS = 4000

/**
 * Live samples from main while this component is mounted and the page is visible. Main
 * samples only while someone watches, on a lease this hook renews; each renewal also brings
 * main's event-loop delay over the whole time this view has watched.
 */
export function useActivitySamples(capacity = 120): {
  samples: ActivitySample[]
  span: LoopSpan | null
} {
  const [samples, setSamples] = useState<ActivitySample[]>([])
  const [span, setSpan] = useState<LoopSpan | null>(null)
  useEvent('activity:sample', (sample) => setSamples((s) => pushRing(s, sample, capacity)))

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

  return { samples, span }
}
