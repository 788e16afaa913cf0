import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query'
import type { Params, Result } from '@shared/contract'
import { call } from '../lib/api'
import { pagesKeyOf, type PageParams, type PagedChannel } from './keys'

/** The pages that rows first..last (inclusive) fall on, in order. */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last < first || first < 0) return []
  const pages: number[] = []
  for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) pages.push(p)
  return pages
}

/** Puts the pages just asked for first, keeping at most `max` of the latest asks. */
export function askFirst(
  asked: readonly number[],
  pages: readonly number[],
  max: number
): number[] {
  return [...pages, ...asked.filter((p) => !pages.includes(p))].slice(0, max)
}

const asks = new WeakMap<QueryClient, Map<string, readonly number[]>>()

/** The pages views asked for last in one list (by its query hash), most recent first. */
export const askedPages = (client: QueryClient, hash: string): readonly number[] =>
  asks.get(client)?.get(hash) ?? []

/** Records that a view wants `pages` of the list now (at most `max` asks are kept). */
export function ask(
  client: QueryClient,
  hash: string,
  pages: readonly number[],
  max: number
): void {
  let lists = asks.get(client)
  if (!lists) asks.set(client, (lists = new Map()))
  lists.set(hash, askFirst(askedPages(client, hash), pages, max))
}

/** Drops a list's asks when its view goes: a view shown again asks for what it shows then. */
export const forgetAsks = (client: QueryClient, hash: string): void =>
  void asks.get(client)?.delete(hash)

/** The page to fetch next: the most recently asked one not held yet (undefined: none). */
export function nextPage(asked: readonly number[], held: readonly number[]): number | undefined {
  for (const p of asked) if (!held.includes(p)) return p
  return undefined
}

/**
 * The infinite-query options of a paged channel whose pages are keyed by index (the page
 * param), not by their order: `fetchNextPage` fetches the page asked for last (`asked()`, most
 * recent first), wherever it is, never the pages in between.
 *
 * A refetch (an invalidation, a view mounting again) fetches the list's first held page and
 * then the asked ones, and drops the rest: after a change those rows have likely moved anyway,
 * and a view scrolled back to them asks again. So a refetch costs a few pages however far the
 * view has been, which keeps it short of the next change while photos stream in.
 */
export function pagedQueryOptions<C extends PagedChannel>(
  channel: C,
  params: PageParams<C>,
  pageSize: number,
  asked: () => readonly number[],
  maxPages: number,
  request: <K extends C>(channel: K, params: Params<K>) => Promise<Result<K>> = call
) {
  return infiniteQueryOptions({
    queryKey: pagesKeyOf(channel, params, pageSize),
    queryFn: ({ queryKey: [c, p], pageParam }) =>
      // `limit` is in the key; each page adds its offset.
      request(c, { ...p, offset: pageParam * p.limit } as unknown as Params<C>),
    initialPageParam: 0,
    getNextPageParam: (_last, _pages, _lastParam, held) => nextPage(asked(), held),
    maxPages
  })
}
