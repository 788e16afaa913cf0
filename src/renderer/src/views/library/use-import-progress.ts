import { useEffect, useState } from 'react'
import type { ImportProgress } from '@shared/contract/library'
import { useEvent } from '../../hooks/use-event'
import { call } from '../../lib/api'

export const idleProgress: ImportProgress = {
  batchId: null,
  state: 'idle',
  discovering: false,
  discovered: 0,
  done: 0,
  failed: 0,
  skipped: 0,
  duplicates: 0,
  downloading: 0,
  perSecond: 0,
  etaSeconds: null,
  startedAt: null,
  workers: 0
}

/** The import queue's counts, live. */
export function useImportProgress(): [ImportProgress, (p: ImportProgress) => void] {
  const [progress, setProgress] = useState<ImportProgress>(idleProgress)
  useEffect(() => {
    call('library:progress', {})
      .then(setProgress)
      .catch(() => undefined)
  }, [])
  useEvent('library:progress', setProgress)
  return [progress, setProgress]
}
