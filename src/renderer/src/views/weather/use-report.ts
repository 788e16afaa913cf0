import type { Report } from '@shared/contract/weather'
import { useApiQuery } from '../../data/api-query'
import { errorText } from '../../lib/api'

export interface ReportState {
  report: Report | null
  /** Nothing to show yet: the first answer for this place or id is on its way. */
  loading: boolean
  error: string | null
}

const stateOf = (
  on: boolean,
  query: { data: Report | null | undefined; isPending: boolean; error: Error | null }
): ReportState =>
  on
    ? {
        // A refetch keeps the report up until the newer one arrives.
        report: query.data ?? null,
        loading: query.isPending,
        error: query.error ? errorText(query.error) : null
      }
    : { report: null, loading: false, error: null }

/** A place's latest stored report; read again when a newer one is stored (invalidations.ts). */
export function useLatestReport(placeId: number | null): ReportState {
  const latest = useApiQuery(
    'weather:latest',
    { placeId: placeId ?? 0 },
    { enabled: placeId !== null, select: (r) => r.report }
  )
  return stateOf(placeId !== null, latest)
}

/** One stored report by id, exactly as fetched: it never changes, so it is read once. */
export function useReport(id: number | null): ReportState {
  const report = useApiQuery(
    'weather:report',
    { id: id ?? 0 },
    { enabled: id !== null, staleTime: Infinity }
  )
  return stateOf(id !== null, report)
}
