import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { Params, Result } from '@shared/contract'
import {
  ask,
  askFirst,
  askedPages,
  forgetAsks,
  nextPage,
  pagedQueryOptions,
  pagesFor
} from './paged-query'

describe('page picking', () => {
  it('finds the pages a range of rows falls on', () => {
    expect(pagesFor(0, 99, 100)).toEqual([0])
    expect(pagesFor(95, 205, 100)).toEqual([0, 1, 2])
    expect(pagesFor(5, 4, 100)).toEqual([])
  })

  it('keeps the latest asks first, each once, and only so many', () => {
    expect(askFirst([3, 4], [7], 8)).toEqual([7, 3, 4])
    expect(askFirst([3, 4, 7], [4], 8)).toEqual([4, 3, 7])
    expect(askFirst([1, 2, 3], [9], 2)).toEqual([9, 1])
  })

  it('fetches the page asked for last that is not held yet', () => {
    expect(nextPage([7, 0], [0])).toBe(7)
    expect(nextPage([7, 3], [0])).toBe(7)
    expect(nextPage([7, 3], [0, 7])).toBe(3)
    expect(nextPage([7, 0], [0, 7])).toBeUndefined()
  })

  it('keeps asks per list and per client', () => {
    const a = new QueryClient()
    const b = new QueryClient()
    ask(a, 'list-1', [4], 8)
    ask(a, 'list-1', [9], 8)
    expect(askedPages(a, 'list-1')).toEqual([9, 4])
    expect(askedPages(a, 'list-2')).toEqual([])
    expect(askedPages(b, 'list-1')).toEqual([])
    forgetAsks(a, 'list-1')
    expect(askedPages(a, 'list-1')).toEqual([])
  })
})

describe('a paged list in the query cache', () => {
  const TOTAL = 1000
  const SIZE = 100

  function setUp() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const offsets: number[] = []
    const request = async <K extends 'weather:history'>(
      _channel: K,
      params: Params<K>
    ): Promise<Result<K>> => {
      offsets.push(params.offset)
      const rows = Array.from({ length: params.limit }, (_, i) => ({ id: params.offset + i + 1 }))
      return { total: TOTAL, rows } as unknown as Result<K>
    }
    let asked: number[] = []
    const options = pagedQueryOptions(
      'weather:history',
      { placeId: null },
      SIZE,
      () => asked,
      50,
      request
    )
    const observer = new InfiniteQueryObserver(client, options)
    const stop = observer.subscribe(() => undefined)
    const held = (): unknown[] => observer.getCurrentResult().data?.pageParams ?? []
    const firstIdOf = (page: number): number | undefined => {
      const data = observer.getCurrentResult().data
      const at = data?.pageParams.indexOf(page) ?? -1
      return at < 0 ? undefined : data?.pages[at]?.rows[0]?.id
    }
    return {
      client,
      observer,
      stop,
      offsets,
      held,
      firstIdOf,
      askFor: (pages: number[]) => (asked = pages)
    }
  }

  it('fetches only the page a view jumps to, not the ones in between', async () => {
    const { observer, stop, offsets, held, firstIdOf, askFor } = setUp()
    await expect.poll(held).toEqual([0])

    askFor([8])
    await observer.fetchNextPage()
    expect(held()).toEqual([0, 8])
    expect(offsets).toEqual([0, 800])
    expect(firstIdOf(8)).toBe(801)

    // Nothing more asked: nothing more fetched.
    await observer.fetchNextPage()
    expect(offsets).toEqual([0, 800])
    stop()
  })

  it('refetches the first page and the ones asked for last when invalidated, dropping the rest', async () => {
    const { client, observer, stop, offsets, held, firstIdOf, askFor } = setUp()
    await expect.poll(held).toEqual([0])
    askFor([3])
    await observer.fetchNextPage()
    askFor([6, 3])
    await observer.fetchNextPage()
    expect(held()).toEqual([0, 3, 6])

    // The view now shows page 6: the list's head and that page come back, page 3 is let go
    // (its rows have likely moved; scrolled back to, it is asked for again).
    offsets.length = 0
    askFor([6])
    await client.invalidateQueries({ queryKey: ['weather:history'] })
    expect(offsets).toEqual([0, 600])
    expect(held()).toEqual([0, 6])
    expect(firstIdOf(6)).toBe(601)

    askFor([3, 6])
    await observer.fetchNextPage()
    expect(offsets).toEqual([0, 600, 300])
    expect(held()).toEqual([0, 6, 3])
    stop()
  })
})
