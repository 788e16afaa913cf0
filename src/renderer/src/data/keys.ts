import type { Channel, Params, Result } from '@shared/contract'

/** A query's key: the channel, then its params exactly as sent to main. */
export type ApiQueryKey<C extends Channel = Channel> = readonly [channel: C, params: Params<C>]

/** Whether T names K among its keys (a strict empty object's keys are all strings: no). */
type Names<T, K extends string> = string extends keyof T ? false : K extends keyof T ? true : false

/** Channels read a page at a time: `offset`/`limit` params and a `total` in the result. */
export type PagedChannel = {
  [C in Channel]: Names<Params<C>, 'offset' | 'limit'> extends true
    ? Result<C> extends { total: number }
      ? C
      : never
    : never
}[Channel]

/** A paged channel's params without the window: what every page of one list shares. */
export type PageParams<C extends PagedChannel> = Omit<Params<C>, 'offset' | 'limit'>

/** The marker that keeps a list's pages apart from a single read of the same channel. */
export const PAGES = 'pages'

/**
 * The key of a paged list: the channel, its params with the page size as `limit` (no
 * offset: every page of the list shares it), and the marker. A plain query of the same channel
 * and params holds one result, not pages, so the two must never share a cache entry.
 */
export type ApiPagesKey<C extends PagedChannel = PagedChannel> = readonly [
  channel: C,
  params: PageParams<C> & { limit: number },
  pages: typeof PAGES
]

export const queryKeyOf = <C extends Channel>(channel: C, params: Params<C>): ApiQueryKey<C> => [
  channel,
  params
]

export const pagesKeyOf = <C extends PagedChannel>(
  channel: C,
  params: PageParams<C>,
  pageSize: number
): ApiPagesKey<C> => [channel, { ...params, limit: pageSize }, PAGES]

/**
 * A filter for every cached query of a channel whose params include `params` (all of them
 * when omitted), single reads and paged lists alike: React Query matches key prefixes and
 * object subsets.
 */
export const channelFilter = <C extends Channel>(
  channel: C,
  params?: Partial<Params<C>>
): readonly [C] | readonly [C, Partial<Params<C>>] =>
  params === undefined ? [channel] : [channel, params]

export const isPagesKey = (key: readonly unknown[]): boolean => key[2] === PAGES
