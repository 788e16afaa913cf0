import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReportSummary } from '@shared/contract/weather'
import { useEvent } from '../../hooks/use-event'
import { call, errorText } from '../../lib/api'

export interface HistoryFilter {
  placeId: number | null
  from: number | null
  to: number | null
}

const PAGE = 100

/**
 * The history, read a page at a time as rows scroll into view: thousands of reports never
 * cross the bridge at once. New or purged reports invalidate what is loaded.
 */
export function useHistory(filter: HistoryFilter) {
  const [total, setTotal] = useState<number | null>(null)
  const [pages, setPages] = useState<ReadonlyMap<number, ReportSummary[]>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const inflight = useRef(new Set<string>())
  const key = `${filter.placeId}|${filter.from}|${filter.to}|${generation}`
  const keyRef = useRef(key)

  const load = useCallback(
    (page: number) => {
      const id = `${keyRef.current}#${page}`
      if (inflight.current.has(id)) return
      inflight.current.add(id)
      const forKey = keyRef.current
      call('weather:history', {
        placeId: filter.placeId,
        from: filter.from,
        to: filter.to,
        offset: page * PAGE,
        limit: PAGE
      })
        .then((r) => {
          if (forKey !== keyRef.current) return
          setTotal(r.total)
          setPages((m) => new Map(m).set(page, r.rows))
        })
        .catch((e: unknown) => forKey === keyRef.current && setError(errorText(e)))
        .finally(() => inflight.current.delete(id))
    },
    [filter.placeId, filter.from, filter.to]
  )

  // A new filter (or new reports) starts over: pages of the old key are never shown.
  const [pagesKey, setPagesKey] = useState(key)
  if (pagesKey !== key) {
    setPagesKey(key)
    setPages(new Map())
    setError(null)
  }
  useEffect(() => {
    keyRef.current = key
    load(0)
  }, [key, load])

  useEvent('weather:report-stored', () => setGeneration((g) => g + 1))
  useEvent('weather:reports-purged', () => setGeneration((g) => g + 1))

  /** Makes sure rows first..last are loaded (or on their way). */
  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
        if (!pages.has(p)) load(p)
      }
    },
    [pages, load]
  )

  const rowAt = useCallback(
    (i: number): ReportSummary | null => pages.get(Math.floor(i / PAGE))?.[i % PAGE] ?? null,
    [pages]
  )

  return { total, rowAt, ensure, error }
}
