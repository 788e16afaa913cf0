import { describe, expect, it, vi } from 'vitest'
import {
  eventNames,
  type BenchRun,
  type EventName,
  type EventPayload,
  type Result
} from '@shared/contract'
import type { ImportProgress } from '@shared/contract/library'
import type { ReportSummary } from '@shared/contract/weather'
import { emptyPages, freshQueryCache, place } from '../../../../test/support/query-cache-kit'
import {
  applyEvent,
  applyResult,
  cacheEvents,
  eventEffects,
  type EventTable
} from './invalidations'
import { pagesKeyOf, queryKeyOf } from './keys'

// @ts-expect-error: a table that leaves out one of the contract's events does not compile.
const _incomplete: EventTable = { 'status:changed': () => undefined }

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

const q = freshQueryCache()
const invalidated = q.invalidated
const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void =>
  applyEvent(event, payload, q.cache)

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
    expect(q.client.getQueryData(queryKeyOf('app:status', {}))).toBe(status)

    const places = { places: [place(1), place(2)] }
    emit('weather:places-changed', places)
    expect(q.client.getQueryData(queryKeyOf('weather:places', {}))).toBe(places)
  })

  it('changes one place’s status and latest report in the cached list, the others untouched', () => {
    const other = place(2)
    q.client.setQueryData(queryKeyOf('weather:places', {}), { places: [place(1), other] })
    const refreshing = {
      state: 'refreshing',
      error: null,
      lastAttemptAt: 5,
      pausedUntil: null
    } as const
    emit('weather:place-status', { placeId: 1, status: refreshing })
    emit('weather:report-stored', { report: summary(9, 1) })

    const list = q.client.getQueryData<Result<'weather:places'>>(queryKeyOf('weather:places', {}))
    expect(list?.places[0]?.status).toEqual(refreshing)
    expect(list?.places[0]?.latest?.id).toBe(9)
    expect(list?.places[1]).toBe(other)
  })

  it('does not invent a list nobody has read', () => {
    emit('weather:place-status', {
      placeId: 1,
      status: { state: 'idle', error: null, lastAttemptAt: null, pausedUntil: null }
    })
    expect(q.client.getQueryData(queryKeyOf('weather:places', {}))).toBeUndefined()
  })

  it('invalidates the stored report’s place, the history and the known places, nothing else', () => {
    const latest1 = queryKeyOf('weather:latest', { placeId: 1 })
    const latest2 = queryKeyOf('weather:latest', { placeId: 2 })
    const history = pagesKeyOf('weather:history', { placeId: null, from: null, to: null }, 100)
    const known = queryKeyOf('weather:known-places', {})
    const report = queryKeyOf('weather:report', { id: 3 })
    q.client.setQueryData(latest1, { report: null })
    q.client.setQueryData(latest2, { report: null })
    q.client.setQueryData(history, emptyPages)
    q.client.setQueryData(known, { places: [] })
    q.client.setQueryData(report, null)

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
    q.client.setQueryData(latest1, { report: null })
    q.client.setQueryData(latest2, { report: null })
    q.client.setQueryData(history, emptyPages)
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
    q.client.setQueryData(series1, empty(1))
    q.client.setQueryData(series2, empty(2))
    emit('weather:report-stored', { report: summary(9, 1) })
    expect([invalidated(series1), invalidated(series2)]).toEqual([true, false])

    q.client.setQueryData(series1, empty(1))
    q.client.setQueryData(series2, empty(2))
    emit('weather:reports-purged', { count: 3 })
    expect([invalidated(series1), invalidated(series2)]).toEqual([true, true])
  })

  it('invalidates the forecast trails and accuracy of the places with new observations only', () => {
    const days1 = queryKeyOf('weather:forecast-days', { placeId: 1 })
    const days2 = queryKeyOf('weather:forecast-days', { placeId: 2 })
    const accuracy1 = queryKeyOf('weather:accuracy', { placeId: 1 })
    q.client.setQueryData(days1, { placeId: 1, days: [] })
    q.client.setQueryData(days2, { placeId: 2, days: [] })
    q.client.setQueryData(accuracy1, null)
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
    q.client.setQueryData(list, emptyPages)
    q.client.setQueryData(facets, {
      total: 0,
      folders: [],
      formats: [],
      minDate: null,
      maxDate: null,
      duplicates: 0
    })
    const spy = vi.spyOn(q.client, 'invalidateQueries')

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
    const fresh = (): void => void q.client.setQueryData(failures, { total: 0, items: [] })
    fresh()

    emit('library:progress', progress({ done: 1 }))
    expect(q.client.getQueryData(queryKeyOf('library:progress', {}))).toMatchObject({ done: 1 })
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
    const fresh = (): void => void q.client.setQueryData(batches, { items: [] })
    emit('library:progress', progress({ done: 1 }))
    fresh()
    emit('library:progress', progress({ done: 2 }))
    expect(invalidated(batches)).toBe(false)
    // Cancelled: the queue goes idle; the cancelled batch's report is what the user sees now.
    emit('library:progress', progress({ batchId: null, state: 'idle' }))
    expect(invalidated(batches)).toBe(true)
    fresh()
    applyResult('library:dismiss-batch', { dismissed: true }, { batchId: 1 }, q.cache)
    expect(invalidated(batches)).toBe(true)
  })

  it('puts a finished run first, once, and reads the runs again a little later', () => {
    const runs = queryKeyOf('bench:runs', {})
    q.client.setQueryData(runs, { runs: [run(1), run(2, 'running')] })
    emit('bench:finished', run(2, 'done'))
    expect(
      q.client.getQueryData<Result<'bench:runs'>>(runs)?.runs.map((r) => [r.id, r.note])
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
    q.client.setQueryData(runs, { runs: [] })
    const step = { runId: 1, plans: [], total: 4, detail: '' }
    emit('bench:progress', { ...step, phase: 'running', index: 0, done: 2 })
    expect(invalidated(runs)).toBe(false)
    emit('bench:progress', { ...step, phase: 'running', index: 1, done: 0 })
    expect(invalidated(runs)).toBe(true)
  })
})
