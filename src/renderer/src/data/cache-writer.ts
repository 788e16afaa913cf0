import { hashKey, type QueryClient } from '@tanstack/react-query'
import type { Channel, Params, Result } from '@shared/contract'
import { channelFilter, isPagesKey, queryKeyOf } from './keys'

/** Coalescing: the first event of a burst schedules one invalidation this long after it. */
export interface Timing {
  afterMs: number
}

/** What a pushed event or a request's answer may do to the cache, by channel and params. */
export interface CacheWriter {
  get<C extends Channel>(channel: C, params: Params<C>): Result<C> | undefined
  /** Replaces one read's cached result (the payload is the new value). */
  set<C extends Channel>(channel: C, params: Params<C>, value: Result<C>): void
  /**
   * Rewrites every cached single read of the channel whose params include `params`; a read
   * that is not cached stays uncached (it will be fetched whole when someone needs it).
   */
  update<C extends Channel>(
    channel: C,
    params: Partial<Params<C>> | undefined,
    change: (old: Result<C>) => Result<C>
  ): void
  /**
   * Marks every cached query of the channel (single reads and paged lists) whose params
   * include `params` as stale; those on screen refetch, the others when next shown.
   */
  invalidate<C extends Channel>(channel: C, params?: Partial<Params<C>>, timing?: Timing): void
  /** Drops invalidations still waiting for their time. */
  dispose(): void
}

export interface Timers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export function createCacheWriter(client: QueryClient, timers: Timers = realTimers): CacheWriter {
  const waiting = new Map<string, unknown>()
  return {
    get: (channel, params) => client.getQueryData(queryKeyOf(channel, params)),
    set(channel, params, value) {
      client.setQueryData(queryKeyOf(channel, params), value)
    },
    update<C extends Channel>(
      channel: C,
      params: Partial<Params<C>> | undefined,
      change: (old: Result<C>) => Result<C>
    ) {
      client.setQueriesData<Result<C>>(
        { queryKey: channelFilter(channel, params), predicate: (q) => !isPagesKey(q.queryKey) },
        (old) => (old === undefined ? undefined : change(old))
      )
    },
    invalidate(channel, params, timing) {
      const queryKey = channelFilter(channel, params)
      // invalidateQueries never rejects unless asked to (throwOnError); a failed refetch
      // lands in the query's error, which its view shows.
      if (!timing) return void client.invalidateQueries({ queryKey })
      const id = hashKey(queryKey)
      if (waiting.has(id)) return
      waiting.set(
        id,
        timers.set(() => {
          waiting.delete(id)
          void client.invalidateQueries({ queryKey })
        }, timing.afterMs)
      )
    },
    dispose() {
      for (const handle of waiting.values()) timers.clear(handle)
      waiting.clear()
    }
  }
}

const writers = new WeakMap<QueryClient, CacheWriter>()

/** The one writer per client, so events and requests share its waiting invalidations. */
export function cacheWriterFor(client: QueryClient): CacheWriter {
  let writer = writers.get(client)
  if (!writer) {
    writer = createCacheWriter(client)
    writers.set(client, writer)
  }
  return writer
}
