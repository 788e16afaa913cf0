import { useEffect, useState } from 'react'
import type { ActivitySample } from '../../../shared/contract'
import { call } from '../lib/api'
import { pushRing } from '../lib/ring'
import { useEvent } from './use-event'

const RENEW_MS = 4000

/**
 * Live samples from main while this component is mounted and the page is visible. Main
 * samples only while someone watches, on a lease this hook renews.
 */
export function useActivitySamples(capacity = 120): ActivitySample[] {
  const [samples, setSamples] = useState<ActivitySample[]>([])
  useEvent('activity:sample', (sample) => setSamples((s) => pushRing(s, sample, capacity)))

  useEffect(() => {
    const watcher = `view-${Math.random().toString(36).slice(2, 10)}`
    const watch = (watching: boolean): void => {
      call('activity:watch', { watcher, watching }).catch(() => undefined)
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

  return samples
}
