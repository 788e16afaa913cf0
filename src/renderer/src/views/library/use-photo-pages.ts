import type { LibraryFilter, SortKey } from '@shared/contract/library'
import { useApiInfiniteQuery } from '../../data/api-infinite-query'

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
 * screen until the new page arrives, so nothing flashes. A page that arrives is not urgent:
 * React renders it as a transition, between frames and keys.
 */
export function usePhotoPages(query: PhotoQuery) {
  const pages = useApiInfiniteQuery('library:list', query, { pageSize: PAGE, deferRendering: true })
  // item(index): the photo there, or undefined while its page loads; ensure() asks for pages.
  return { total: pages.total, item: pages.rowAt, ensure: pages.ensure, error: pages.query.error }
}
