import { hashKey, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react'
import type { Result } from '@shared/contract'
import { pagesKeyOf, type PageParams, type PagedChannel } from './keys'
import { ask, askedPages, forgetAsks, nextPage, pagedQueryOptions, pagesFor } from './paged-query'

/** One row of a paged channel's result, whichever field (`rows`, `items`) carries them. */
export type RowOf<C extends PagedChannel> =
  Result<C> extends { rows: readonly (infer R)[] }
    ? R
    : Result<C> extends { items: readonly (infer R)[] }
      ? R
      : never

const rowsOf = <C extends PagedChannel>(page: Result<C>): readonly RowOf<C>[] => {
  // RowOf<C> names the same field for every C; TypeScript cannot follow it for a generic C.
  const p = page as unknown as { rows?: readonly RowOf<C>[]; items?: readonly RowOf<C>[] }
  return p.rows ?? p.items ?? []
}

export interface PagedOptions {
  pageSize: number
  /** Pages held at most; the ones fetched longest ago go first. */
  maxPages?: number
  /**
   * Render arriving pages as a transition: React fits them in between frames, keys and clicks
   * (a big grid, where a page of cells is real work).
   */
  deferRendering?: boolean
}

/** Pages asked for recently: fetched when missing, and again (first) on a refetch. */
const ASKED = 8

/**
 * A paged channel as one cached list (key: pagesKeyOf), read a page at a time where the view
 * looks: a view can jump to its end (End, a dragged scroll bar) and fetch only the pages it
 * shows, never those in between. An invalidation refetches the first page and the ones the
 * view asked for last, in place: the old rows stay up until the new ones arrive (see
 * pagedQueryOptions).
 */
export function useApiInfiniteQuery<C extends PagedChannel>(
  channel: C,
  params: PageParams<C>,
  { pageSize, maxPages = 50, deferRendering = false }: PagedOptions
) {
  const client = useQueryClient()
  const queryKey = pagesKeyOf(channel, params, pageSize)
  const hash = hashKey(queryKey)

  type Data = InfiniteData<Result<C>, number>
  const held = useCallback(
    (): Data | undefined => client.getQueryData<Data>(queryKey),
    // queryKey is new each render; its hash names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, hash]
  )
  const asked = useCallback(() => askedPages(client, hash), [client, hash])

  const query = useInfiniteQuery(
    pagedQueryOptions(channel, params, pageSize, asked, Math.max(maxPages, ASKED))
  )

  const { fetchNextPage } = query
  const pump = useCallback(() => {
    const data = held()
    // With nothing held this (re)fetches the first page: after a failure, the next ask retries.
    if (data && nextPage(asked(), data.pageParams) === undefined) return
    // While a fetch runs this joins it; when it lands, the effect below asks again.
    void fetchNextPage({ cancelRefetch: false })
  }, [held, asked, fetchNextPage])
  useEffect(pump, [query.data, pump])
  useEffect(() => () => forgetAsks(client, hash), [client, hash])

  /** Makes sure rows first..last are held or on their way. */
  const ensure = useCallback(
    (first: number, last: number) => {
      const pages = pagesFor(first, last, pageSize)
      if (pages.length === 0) return
      ask(client, hash, pages, ASKED)
      pump()
    },
    [client, hash, pageSize, pump]
  )

  const deferred = useDeferredValue(query.data)
  const data = deferRendering ? deferred : query.data
  const byPage = useMemo(
    () => new Map(data?.pageParams.map((page, i) => [page, rowsOf<C>(data.pages[i]!)])),
    [data]
  )
  /** The row at an index, or undefined while its page is on its way. */
  const rowAt = useCallback(
    (index: number): RowOf<C> | undefined =>
      byPage.get(Math.floor(index / pageSize))?.[index % pageSize],
    [byPage, pageSize]
  )

  // The page fetched last knows the newest total. A new filter keeps the old total until its
  // first page arrives, so the list keeps its size (and scroll) instead of flashing empty.
  const latest = data?.pages.at(-1)?.total ?? null
  const [lastTotal, setLastTotal] = useState<number | null>(null)
  if (latest !== null && latest !== lastTotal) setLastTotal(latest)

  return { total: latest ?? lastTotal, rowAt, ensure, query }
}
