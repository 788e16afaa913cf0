import { hashKey, QueryClient } from '@tanstack/react-query'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { channelFilter, isPagesKey, pagesKeyOf, queryKeyOf, type PagedChannel } from './keys'

const keysMatching = (client: QueryClient, filter: readonly unknown[]): string[] =>
  client
    .getQueryCache()
    .findAll({ queryKey: filter })
    .map((q) => q.queryHash)
    .sort()

describe('query keys', () => {
  it('are the channel, then the params exactly as sent', () => {
    expect(queryKeyOf('weather:latest', { placeId: 3 })).toEqual(['weather:latest', { placeId: 3 }])
    expect(queryKeyOf('app:status', {})).toEqual(['app:status', {}])
  })

  it('name one cache entry whatever the order of the params, and omitted equals undefined', () => {
    const a = queryKeyOf('weather:history', { placeId: 1, from: null, offset: 0, limit: 10 })
    const b = queryKeyOf('weather:history', { limit: 10, offset: 0, from: null, placeId: 1 })
    expect(hashKey(a)).toBe(hashKey(b))
    expect(hashKey(queryKeyOf('library:list', { sort: 'name', filter: undefined }))).toBe(
      hashKey(queryKeyOf('library:list', { sort: 'name' }))
    )
    // Different params are different entries (null is a value, unlike undefined).
    expect(
      hashKey(queryKeyOf('weather:history', { placeId: null, offset: 0, limit: 10 }))
    ).not.toBe(hashKey(queryKeyOf('weather:history', { offset: 0, limit: 10 })))

    const client = new QueryClient()
    client.setQueryData(a, { total: 0, rows: [] })
    expect(client.getQueryData(b)).toEqual({ total: 0, rows: [] })
  })

  it('keep a paged list apart from a single read of the same channel and params', () => {
    const pages = pagesKeyOf('library:failures', {}, 100)
    expect(pages).toEqual(['library:failures', { limit: 100 }, 'pages'])
    expect(isPagesKey(pages)).toBe(true)
    const single = queryKeyOf('library:failures', { limit: 100 })
    expect(isPagesKey(single)).toBe(false)
    expect(hashKey(pages)).not.toBe(hashKey(single))
  })

  it('put the page size in a paged list’s key and never an offset', () => {
    const key = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    expect(key[1]).toEqual({ sort: 'taken', descending: true, filter: {}, limit: 120 })
    expect(key[1]).not.toHaveProperty('offset')
    expect(hashKey(key)).not.toBe(
      hashKey(pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 60))
    )
  })

  it('filter by channel, single reads and paged lists alike, and by a subset of the params', () => {
    const client = new QueryClient()
    client.setQueryData(queryKeyOf('weather:latest', { placeId: 1 }), { report: null })
    client.setQueryData(queryKeyOf('weather:latest', { placeId: 2 }), { report: null })
    client.setQueryData(queryKeyOf('weather:places', {}), { places: [] })
    client.setQueryData(pagesKeyOf('weather:history', { placeId: 1 }, 100), {
      pages: [],
      pageParams: []
    })
    client.setQueryData(pagesKeyOf('weather:history', { placeId: 2 }, 100), {
      pages: [],
      pageParams: []
    })

    expect(keysMatching(client, channelFilter('weather:latest'))).toEqual([
      hashKey(queryKeyOf('weather:latest', { placeId: 1 })),
      hashKey(queryKeyOf('weather:latest', { placeId: 2 }))
    ])
    expect(keysMatching(client, channelFilter('weather:latest', { placeId: 2 }))).toEqual([
      hashKey(queryKeyOf('weather:latest', { placeId: 2 }))
    ])
    expect(keysMatching(client, channelFilter('weather:history'))).toHaveLength(2)
    expect(keysMatching(client, channelFilter('weather:history', { placeId: 1 }))).toEqual([
      hashKey(pagesKeyOf('weather:history', { placeId: 1 }, 100))
    ])
    expect(keysMatching(client, channelFilter('weather:search'))).toEqual([])
  })

  it('derive the paged channels from the contract: offset, limit and a total', () => {
    expectTypeOf<'weather:history'>().toExtend<PagedChannel>()
    expectTypeOf<'library:list'>().toExtend<PagedChannel>()
    expectTypeOf<'library:failures'>().toExtend<PagedChannel>()
    // A total but no offset or limit (its params are a strict empty object: any key is a string).
    expectTypeOf<'library:facets'>().not.toExtend<PagedChannel>()
    expectTypeOf<'weather:places'>().not.toExtend<PagedChannel>()
    expectTypeOf<'app:status'>().not.toExtend<PagedChannel>()
  })
})
