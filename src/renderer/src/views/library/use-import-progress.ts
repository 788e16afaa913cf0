import type { ImportProgress } from '@shared/contract/library'
import { useApiQuery } from '../../data/api-query'

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

/**
 * The import queue's counts, live: library:progress events and the answers to import, pause,
 * resume, cancel and retry all land in the cache (data/invalidations.ts).
 */
export function useImportProgress(): { progress: ImportProgress; error: Error | null } {
  const read = useApiQuery('library:progress', {})
  return { progress: read.data ?? idleProgress, error: read.error }
}
