import { useCallback } from 'react'
import type { ReportSummary } from '@shared/contract/weather'
import { useApiInfiniteQuery } from '../../data/api-infinite-query'
import { errorText } from '../../lib/api'

export interface HistoryFilter {
  placeId: number | null
  from: number | null
  to: number | null
}

const PAGE = 100

/**
 * The history, read a page at a time as rows scroll into view: thousands of reports never
 * cross the bridge at once. New or purged reports invalidate what is loaded, which is read
 * again in place (data/invalidations.ts).
 */
export function useHistory(filter: HistoryFilter) {
  const { total, rowAt, ensure, query } = useApiInfiniteQuery(
    'weather:history',
    { placeId: filter.placeId, from: filter.from, to: filter.to },
    { pageSize: PAGE }
  )
  const row = useCallback((i: number): ReportSummary | null => rowAt(i) ?? null, [rowAt])
  return { total, rowAt: row, ensure, error: query.error ? errorText(query.error) : null }
}
