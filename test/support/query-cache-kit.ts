import { QueryClient, type QueryKey } from '@tanstack/react-query'
import { afterEach, beforeEach, vi } from 'vitest'
import type { PlaceView } from '../../src/shared/contract/weather'
import { createCacheWriter, type CacheWriter } from '../../src/renderer/src/data/cache-writer'

/** A fresh query cache and its writer for each test, on fake timers (coalesced invalidations). */
export function freshQueryCache(): {
  readonly client: QueryClient
  readonly cache: CacheWriter
  invalidated(key: QueryKey): boolean | undefined
} {
  let client: QueryClient
  let cache: CacheWriter
  beforeEach(() => {
    vi.useFakeTimers()
    client = new QueryClient()
    cache = createCacheWriter(client)
  })
  afterEach(() => {
    cache.dispose()
    vi.useRealTimers()
  })
  return {
    get client() {
      return client
    },
    get cache() {
      return cache
    },
    invalidated: (key) => client.getQueryState(key)?.isInvalidated
  }
}

/** An infinite query's data with no page read yet. */
export const emptyPages = { pages: [], pageParams: [] }

export const place = (id: number, over: Partial<PlaceView> = {}): PlaceView => ({
  id,
  geonameId: null,
  name: `Place ${id}`,
  country: 'Nowhere',
  countryCode: 'NW',
  admin1: null,
  latitude: id,
  longitude: id,
  elevation: null,
  timezone: null,
  position: id,
  isHome: false,
  removed: false,
  latest: null,
  status: { state: 'idle', error: null, lastAttemptAt: null, pausedUntil: null },
  ...over
})
