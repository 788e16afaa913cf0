import { keepPreviousData } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { LibraryFilter, SortKey } from '@shared/contract/library'
import { useApiInfiniteQuery } from '../../data/api-infinite-query'
import { useApiQuery } from '../../data/api-query'
import { call } from '../../lib/api'
import type { IdPage } from './selection'

export interface PhotoQuery {
  sort: SortKey
  descending: boolean
  filter: LibraryFilter
}

const PAGE = 120

/**
 * The photo list, fetched a page at a time where the grid looks: thousands of photos never
 * cross the bridge at once. After a change (library:changed, at most every 800 ms while photos
 * stream in: data/invalidations.ts) the held pages are refetched in place: old data stays on
 * screen until the new page arrives, so nothing flashes. A page that arrives is rendered at
 * once, not as a transition: while the grid scrolls, every step renders urgently and a deferred
 * page waited behind them, so cells that had their data showed nothing (bench:gallery, 100,000
 * photos at 1920×1080: 46 of 257 flick frames had empty cells deferred, 0 of 254 at once). The
 * rows already drawn are memoised, so a page costs only its own new cells.
 */
export function usePhotoPages(query: PhotoQuery) {
  const pages = useApiInfiniteQuery('library:list', query, { pageSize: PAGE })
  const { rowAt } = pages
  const idAt = useCallback((i: number) => rowAt(i)?.id, [rowAt])
  // Ids past the pages held (a Shift+click range, Select all), read by keyset.
  const idPage = useCallback<IdPage>(
    async (window) => {
      const r = await call('library:list', { ...query, ...window })
      return { ids: r.items.map((p) => p.id), next: r.next }
    },
    [query]
  )
  // item(index): the photo there, or undefined while its page loads; ensure() asks for pages.
  return {
    total: pages.total,
    item: rowAt,
    idAt,
    idPage,
    ensure: pages.ensure,
    error: pages.query.error
  }
}

/** Months of a dated sort, for section headers and the scrubber; null for name and size. */
export function useTimeline(query: PhotoQuery) {
  const dated = query.sort === 'taken' || query.sort === 'imported'
  const timeline = useApiQuery(
    'library:timeline',
    {
      sort: query.sort === 'imported' ? 'imported' : 'taken',
      descending: query.descending,
      filter: query.filter
    },
    // A new filter keeps the old months up until its own arrive: no flash of unsectioned rows.
    { enabled: dated, placeholderData: keepPreviousData }
  )
  return { months: dated ? (timeline.data?.months ?? null) : null, error: timeline.error }
}
