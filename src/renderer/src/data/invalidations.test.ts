import { QueryClient, type QueryKey } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  eventNames,
  type BenchRun,
  type EventName,
  type EventPayload,
  type Result
} from '@shared/contract'
import type { ImportProgress } from '@shared/contract/library'
import type { PlaceView, ReportSummary } from '@shared/contract/weather'
import type { subscribe } from '../lib/api'
import { createCacheWriter, type CacheWriter } from './cache-writer'
import {
  applyEvent,
  applyResult,
  cacheEvents,
  eventEffects,
  subscribeEvents,
  type EventTable
} from './invalidations'
import { pagesKeyOf, queryKeyOf } from './keys'

// @ts-expect-error: a table that leaves out one of the contract's events does not compile.
const _incomplete: EventTable = { 'status:changed': () => undefined }

const place = (id: number, over: Partial<PlaceView> = {}): PlaceView => ({
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

const summary = (id: number, placeId: number): ReportSummary => ({
  id,
  placeId,
  fetchedAt: 1_700_000_000_000 + id,
  provider: 'open-meteo',
  timezone: 'UTC',
  utcOffsetSeconds: 0,
  temperature: 20,
  weatherCode: 0,
  tempMax: null,
  tempMin: null,
  isDay: true,
  hasAirQuality: false
})

const progress = (over: Partial<ImportProgress> = {}): ImportProgress => ({
  batchId: 1,
  state: 'running',
  discovering: false,
  discovered: 10,
  done: 0,
  failed: 0,
  skipped: 0,
  duplicates: 0,
  downloading: 0,
  perSecond: 0,
  etaSeconds: null,
  startedAt: 0,
  workers: 2,
  ...over
})

const run = (id: number, note = ''): BenchRun => ({
  id,
  startedAt: id,
  finishedAt: null,
  status: 'complete',
  sampleLabel: 'generated',
  files: 4,
  jsStage: false,
  withWeather: false,
  plans: [],
  results: [],
  note
})

const emptyPages = { pages: [], pageParams: [] }

let client: QueryClient
let cache: CacheWriter
const invalidated = (key: QueryKey): boolean | undefined => client.getQueryState(key)?.isInvalidated
const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void =>
  applyEvent(event, payload, cache)

beforeEach(() => {
  vi.useFakeTimers()
  client = new QueryClient()
  cache = createCacheWriter(client)
})
afterEach(() => {
  cache.dispose()
  vi.useRealTimers()
})

describe('the event table', () => {
  it('places every event of the contract: an effect, or the reason it affects no query', () => {
    expect(Object.keys(eventEffects).sort()).toEqual([...eventNames].sort())
    for (const name of eventNames) {
      const effect = eventEffects[name]
      if (typeof effect !== 'function') expect(effect.noQueries.length).toBeGreaterThan(10)
    }
    // Only events that change a query are subscribed.
    expect(cacheEvents).not.toContain('activity:sample')
    expect(cacheEvents).toContain('weather:report-stored')
    expect(cacheEvents.length).toBe(
      eventNames.filter((e) => typeof eventEffects[e] === 'function').length
    )
  })

  it('writes pushed values where the payload is the new value', () => {
    const status: Result<'app:status'> = { tasks: [] }
    emit('status:changed', status)
    expect(client.getQueryData(queryKeyOf('app:status', {}))).toBe(status)

    const places = { places: [place(1), place(2)] }
    emit('weather:places-changed', places)
    expect(client.getQueryData(queryKeyOf('weather:places', {}))).toBe(places)
  })

  it('changes one place’s status and latest report in the cached list, the others untouched', () => {
    const other = place(2)
    client.setQueryData(queryKeyOf('weather:places', {}), { places: [place(1), other] })
    const refreshing = {
      state: 'refreshing',
      error: null,
      lastAttemptAt: 5,
      pausedUntil: null
    } as const
    emit('weather:place-status', { placeId: 1, status: refreshing })
    emit('weather:report-stored', { report: summary(9, 1) })

    const list = client.getQueryData<Result<'weather:places'>>(queryKeyOf('weather:places', {}))
    expect(list?.places[0]?.status).toEqual(refreshing)
    expect(list?.places[0]?.latest?.id).toBe(9)
    expect(list?.places[1]).toBe(other)
  })

  it('does not invent a list nobody has read', () => {
    emit('weather:place-status', {
      placeId: 1,
      status: { state: 'idle', error: null, lastAttemptAt: null, pausedUntil: null }
    })
    expect(client.getQueryData(queryKeyOf('weather:places', {}))).toBeUndefined()
  })

  it('invalidates the stored report’s place, the history and the known places, nothing else', () => {
    const latest1 = queryKeyOf('weather:latest', { placeId: 1 })
    const latest2 = queryKeyOf('weather:latest', { placeId: 2 })
    const history = pagesKeyOf('weather:history', { placeId: null, from: null, to: null }, 100)
    const known = queryKeyOf('weather:known-places', {})
    const report = queryKeyOf('weather:report', { id: 3 })
    client.setQueryData(latest1, { report: null })
    client.setQueryData(latest2, { report: null })
    client.setQueryData(history, emptyPages)
    client.setQueryData(known, { places: [] })
    client.setQueryData(report, null)

    emit('weather:report-stored', { report: summary(9, 1) })
    expect(invalidated(latest1)).toBe(true)
    expect(invalidated(latest2)).toBe(false)
    expect(invalidated(history)).toBe(true)
    expect(invalidated(known)).toBe(true)
    // A stored report never changes.
    expect(invalidated(report)).toBe(false)
  })

  it('invalidates every latest report and the history after a purge', () => {
    const latest1 = queryKeyOf('weather:latest', { placeId: 1 })
    const latest2 = queryKeyOf('weather:latest', { placeId: 2 })
    const history = pagesKeyOf('weather:history', { placeId: 2 }, 100)
    client.setQueryData(latest1, { report: null })
    client.setQueryData(latest2, { report: null })
    client.setQueryData(history, emptyPages)
    emit('weather:reports-purged', { count: 3 })
    expect([invalidated(latest1), invalidated(latest2), invalidated(history)]).toEqual([
      true,
      true,
      true
    ])
  })

  it('redraws the History chart of the place with a new report, and every one after a purge', () => {
    const series1 = queryKeyOf('weather:history-series', { placeId: 1, from: null, to: null })
    const series2 = queryKeyOf('weather:history-series', { placeId: 2, from: null, to: null })
    const empty = (placeId: number) => ({ placeId, total: 0, points: [] })
    client.setQueryData(series1, empty(1))
    client.setQueryData(series2, empty(2))
    emit('weather:report-stored', { report: summary(9, 1) })
    expect([invalidated(series1), invalidated(series2)]).toEqual([true, false])

    client.setQueryData(series1, empty(1))
    client.setQueryData(series2, empty(2))
    emit('weather:reports-purged', { count: 3 })
    expect([invalidated(series1), invalidated(series2)]).toEqual([true, true])
  })

  it('invalidates the forecast trails and accuracy of the places with new observations only', () => {
    const days1 = queryKeyOf('weather:forecast-days', { placeId: 1 })
    const days2 = queryKeyOf('weather:forecast-days', { placeId: 2 })
    const accuracy1 = queryKeyOf('weather:accuracy', { placeId: 1 })
    client.setQueryData(days1, { placeId: 1, days: [] })
    client.setQueryData(days2, { placeId: 2, days: [] })
    client.setQueryData(accuracy1, null)
    emit('weather:observations-stored', { placeIds: [1], count: 3 })
    expect([invalidated(days1), invalidated(accuracy1), invalidated(days2)]).toEqual([
      true,
      true,
      false
    ])
  })

  it('coalesces a burst of library changes: the grid after 800 ms, facets after 2 s, once', () => {
    const list = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    const facets = queryKeyOf('library:facets', {})
    client.setQueryData(list, emptyPages)
    client.setQueryData(facets, {
      total: 0,
      folders: [],
      formats: [],
      minDate: null,
      maxDate: null,
      duplicates: 0
    })
    const spy = vi.spyOn(client, 'invalidateQueries')

    for (let i = 1; i <= 5; i++) emit('library:changed', { revision: i, added: 1, removed: 0 })
    vi.advanceTimersByTime(799)
    expect(invalidated(list)).toBe(false)
    vi.advanceTimersByTime(1)
    expect(invalidated(list)).toBe(true)
    expect(invalidated(facets)).toBe(false)
    vi.advanceTimersByTime(1200)
    expect(invalidated(facets)).toBe(true)
    // list, facets, the open photo, the timeline, the Trash and the duplicate review's two
    // queries: one each for five events.
    expect(spy).toHaveBeenCalledTimes(7)

    // The next burst starts a new wait (list, timeline and Trash after 800 ms).
    emit('library:changed', { revision: 6, added: 1, removed: 0 })
    vi.advanceTimersByTime(800)
    expect(spy).toHaveBeenCalledTimes(10)
  })

  it('keeps the import progress and reads failures again only when their counts move', () => {
    const failures = queryKeyOf('library:failures', { offset: 0, limit: 100 })
    const fresh = (): void => void client.setQueryData(failures, { total: 0, items: [] })
    fresh()

    emit('library:progress', progress({ done: 1 }))
    expect(client.getQueryData(queryKeyOf('library:progress', {}))).toMatchObject({ done: 1 })
    vi.advanceTimersByTime(300)
    expect(invalidated(failures)).toBe(true) // the first progress seen

    fresh()
    emit('library:progress', progress({ done: 2 }))
    vi.advanceTimersByTime(300)
    expect(invalidated(failures)).toBe(false)

    emit('library:progress', progress({ done: 2, failed: 1 }))
    vi.advanceTimersByTime(299)
    expect(invalidated(failures)).toBe(false)
    vi.advanceTimersByTime(1)
    expect(invalidated(failures)).toBe(true)
  })

  it('reads the batch reports again when a batch starts, ends or is cancelled', () => {
    const batches = queryKeyOf('library:batches', { limit: 20, includeDismissed: false })
    const fresh = (): void => void client.setQueryData(batches, { items: [] })
    emit('library:progress', progress({ done: 1 }))
    fresh()
    emit('library:progress', progress({ done: 2 }))
    expect(invalidated(batches)).toBe(false)
    // Cancelled: the queue goes idle; the cancelled batch's report is what the user sees now.
    emit('library:progress', progress({ batchId: null, state: 'idle' }))
    expect(invalidated(batches)).toBe(true)
    fresh()
    applyResult('library:dismiss-batch', { dismissed: true }, { batchId: 1 }, cache)
    expect(invalidated(batches)).toBe(true)
  })

  it('puts a finished run first, once, and reads the runs again a little later', () => {
    const runs = queryKeyOf('bench:runs', {})
    client.setQueryData(runs, { runs: [run(1), run(2, 'running')] })
    emit('bench:finished', run(2, 'done'))
    expect(
      client.getQueryData<Result<'bench:runs'>>(runs)?.runs.map((r) => [r.id, r.note])
    ).toEqual([
      [2, 'done'],
      [1, '']
    ])
    expect(invalidated(runs)).toBe(false)
    vi.advanceTimersByTime(800)
    expect(invalidated(runs)).toBe(true)
  })

  it('reads the runs again when a strategy starts, not on every progress step', () => {
    const runs = queryKeyOf('bench:runs', {})
    client.setQueryData(runs, { runs: [] })
    const step = { runId: 1, plans: [], total: 4, detail: '' }
    emit('bench:progress', { ...step, phase: 'running', index: 0, done: 2 })
    expect(invalidated(runs)).toBe(false)
    emit('bench:progress', { ...step, phase: 'running', index: 1, done: 0 })
    expect(invalidated(runs)).toBe(true)
  })
})

describe('the result table', () => {
  it('puts a place action’s answer in the list', () => {
    const answer = { places: [place(2)] }
    applyResult('weather:remove-place', answer, { id: 1 }, cache)
    expect(client.getQueryData(queryKeyOf('weather:places', {}))).toBe(answer)
  })

  it('reads the photo list and facets again at once after a removal', () => {
    const list = pagesKeyOf('library:list', { sort: 'name', descending: false, filter: {} }, 120)
    client.setQueryData(list, emptyPages)
    applyResult('library:remove', { removed: 1 }, { ids: [4] }, cache)
    expect(invalidated(list)).toBe(true)
  })

  it('reads the grid, its months and the Trash again at once after a removal or a restore', () => {
    const list = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    const timeline = queryKeyOf('library:timeline', { sort: 'taken', filter: {} })
    const trash = pagesKeyOf('library:trash', {}, 120)
    const keys = [list, timeline, trash]
    for (const channel of ['library:remove', 'library:restore'] as const) {
      for (const key of keys)
        client.setQueryData(key, key === timeline ? { total: 0, months: [] } : emptyPages)
      if (channel === 'library:remove') applyResult(channel, { removed: 1 }, { ids: [4] }, cache)
      else applyResult(channel, { restored: 1 }, { ids: [4] }, cache)
      expect(keys.map(invalidated)).toEqual([true, true, true])
    }
  })

  it('reads the duplicate review again after "keep this one", its Undo and "not duplicates"', () => {
    const groups = queryKeyOf('library:duplicate-groups', { offset: 0, limit: 20 })
    const groupOf = queryKeyOf('library:duplicate-group-of', { id: 4 })
    const facets = queryKeyOf('library:facets', {})
    const keys = [groups, groupOf]
    const fresh = (): void => {
      client.setQueryData(groups, { total: 0, groups: [] })
      client.setQueryData(groupOf, null)
      client.setQueryData(facets, { total: 0, folders: [], formats: [], duplicates: 0 })
    }
    fresh()
    applyResult('library:remove', { removed: 1 }, { ids: [4] }, cache)
    expect(keys.map(invalidated)).toEqual([true, true])
    fresh()
    applyResult('library:restore', { restored: 1 }, { ids: [4] }, cache)
    expect(keys.map(invalidated)).toEqual([true, true])
    fresh()
    applyResult('library:not-duplicates', { remembered: 1 }, { ids: [4, 5] }, cache)
    expect([...keys, facets].map(invalidated)).toEqual([true, true, true])
    // Pairs made after an import come with a change event: read, a little later.
    fresh()
    emit('library:changed', { revision: 2, added: 0, removed: 0 })
    vi.runAllTimers()
    expect(keys.map(invalidated)).toEqual([true, true])
  })

  it('leaves the cache alone for requests that change nothing cached', () => {
    const places = queryKeyOf('weather:places', {})
    client.setQueryData(places, { places: [] })
    applyResult('shell:open-external', { opened: true }, { url: 'https://example.com/' }, cache)
    expect(invalidated(places)).toBe(false)
  })
})

describe('subscribing the table', () => {
  it('listens to each cache event once, applies payloads, and stops (with its timers) when told', () => {
    const listeners = new Map<string, (payload: unknown) => void>()
    const on = ((event: string, listener: (payload: unknown) => void) => {
      expect(listeners.has(event)).toBe(false)
      listeners.set(event, listener)
      return () => listeners.delete(event)
    }) as typeof subscribe

    const stop = subscribeEvents(client, on, cache)
    expect([...listeners.keys()].sort()).toEqual([...cacheEvents].sort())

    listeners.get('settings:changed')?.({ theme: 'dark' })
    expect(client.getQueryData(queryKeyOf('settings:get', {}))).toEqual({ theme: 'dark' })

    const list = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    client.setQueryData(list, emptyPages)
    listeners.get('library:changed')?.({ revision: 1, added: 1, removed: 0 })
    stop()
    expect(listeners.size).toBe(0)
    vi.advanceTimersByTime(5000)
    expect(invalidated(list)).toBe(false)
  })
})
