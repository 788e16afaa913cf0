import { useCallback, useEffect, useState } from 'react'
import type { BenchProgress, BenchRun } from '@shared/contract'
import { useEvent } from '../../hooks/use-event'
import { call } from '../../lib/api'

/** Stored runs and the one in progress, kept current from main's events. */
export function useBench() {
  const [runs, setRuns] = useState<BenchRun[]>([])
  const [progress, setProgress] = useState<BenchProgress | null>(null)
  const [loaded, setLoaded] = useState(false)

  const reload = useCallback(async () => {
    const { runs } = await call('bench:runs', {})
    setRuns(runs)
    setLoaded(true)
  }, [])

  useEffect(() => {
    call('bench:runs', {})
      .then(({ runs }) => setRuns(runs))
      .catch(() => undefined)
      .finally(() => setLoaded(true))
  }, [])

  useEvent('bench:progress', (p) => {
    setProgress(p)
    // A strategy just ended: its stored row is now in the run.
    if (p.phase === 'running' && p.done === 0) void reload()
  })
  useEvent('bench:finished', (run) => {
    setProgress(null)
    setRuns((rs) => [run, ...rs.filter((r) => r.id !== run.id)])
    // The window's own figures for the last strategy arrive just after.
    setTimeout(() => void reload(), 800)
  })

  return { runs, progress, loaded, reload }
}
