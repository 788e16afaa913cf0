import { useState } from 'react'
import type { BenchProgress, BenchRun } from '@shared/contract'
import { useApiQuery } from '../../data/api-query'
import { useEvent } from '../../hooks/use-event'

const noRuns: BenchRun[] = []

/**
 * Stored runs (kept current by bench:progress and bench:finished, see data/invalidations.ts)
 * and the run in progress, which only lives in events.
 */
export function useBench() {
  const stored = useApiQuery('bench:runs', {})
  const [progress, setProgress] = useState<BenchProgress | null>(null)
  useEvent('bench:progress', setProgress)
  useEvent('bench:finished', () => setProgress(null))

  return {
    runs: stored.data?.runs ?? noRuns,
    progress,
    // Read or failed: either way "no runs yet" may show.
    loaded: !stored.isPending,
    error: stored.error
  }
}
