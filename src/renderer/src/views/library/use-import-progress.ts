import type { BatchReport, ImportProgress } from '@shared/contract/library'
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
  phase: 'thumbnails',
  previewsDone: 0,
  previewsTotal: 0,
  previewsFailed: 0,
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

const noReports: BatchReport[] = []
const ended = (r: BatchReport): boolean => r.state === 'done' || r.state === 'cancelled'

/**
 * Reports of the batches that ended (finished or cancelled) and were not dismissed, newest
 * first. The running batch is the progress panel's; its report joins these when it ends (read
 * again on library:batch-finished and when the import's state changes).
 */
export function useBatchReports(): { reports: BatchReport[]; error: Error | null } {
  const read = useApiQuery(
    'library:batches',
    { limit: 20, includeDismissed: false },
    { select: (r) => r.items.filter(ended) }
  )
  return { reports: read.data ?? noReports, error: read.error }
}
