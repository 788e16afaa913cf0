import type { QueryClient } from '@tanstack/react-query'
import {
  eventNames,
  type Channel,
  type EventName,
  type EventPayload,
  type Params,
  type Result
} from '@shared/contract'
import { subscribe } from '../lib/api'
import { cacheWriterFor, type CacheWriter } from './cache-writer'

export type EventEffect<E extends EventName> = (
  payload: EventPayload<E>,
  cache: CacheWriter
) => void

/** An event no query depends on, with the reason, so leaving it out is a decision. */
export interface NoQueries {
  readonly noQueries: string
}
const noQueries = (why: string): NoQueries => ({ noQueries: why })

/** Every event in the contract, each once: a new event does not compile until it is placed. */
export type EventTable = { readonly [E in EventName]: EventEffect<E> | NoQueries }

type ImportProgress = EventPayload<'library:progress'>

/** The failure list changes only when one of these does. */
const failureStamp = (p: ImportProgress): string =>
  `${p.failed}/${p.skipped}/${p.batchId}/${p.state}`

function applyProgress(progress: ImportProgress, cache: CacheWriter): void {
  const before = cache.get('library:progress', {})
  cache.set('library:progress', {}, progress)
  if (before === undefined || failureStamp(before) !== failureStamp(progress))
    cache.invalidate('library:failures', undefined, { afterMs: 300 })
  // A batch started, ended or was cancelled: the list of batch reports changes.
  if (
    before !== undefined &&
    (before.batchId !== progress.batchId || before.state !== progress.state)
  )
    cache.invalidate('library:batches')
}

type PlacesResult = Result<'weather:places'>
const setPlaces = (result: PlacesResult, _params: unknown, cache: CacheWriter): void =>
  cache.set('weather:places', {}, result)

/** Photos went to the library's Trash or came back: every view of the set is read again. */
function photosMoved(cache: CacheWriter): void {
  cache.invalidate('library:list')
  cache.invalidate('library:timeline')
  cache.invalidate('library:facets')
  cache.invalidate('library:trash')
  duplicatesChanged(cache)
}

/** Duplicate groups changed (kept, dismissed, removed, restored): the review is read again. */
function duplicatesChanged(cache: CacheWriter): void {
  cache.invalidate('library:duplicate-groups')
  cache.invalidate('library:duplicate-group-of')
}

/** Pushed event → the cached queries it updates (payload is the new value) or invalidates. */
export const eventEffects: EventTable = {
  'status:changed': (status, cache) => cache.set('app:status', {}, status),
  'settings:changed': (settings, cache) => cache.set('settings:get', {}, settings),

  'weather:places-changed': (result, cache) => {
    cache.set('weather:places', {}, result)
    // Adding or removing a place changes the places the history can name.
    cache.invalidate('weather:known-places')
  },
  'weather:place-status': ({ placeId, status }, cache) =>
    cache.update('weather:places', {}, (r) => ({
      places: r.places.map((p) => (p.id === placeId ? { ...p, status } : p))
    })),
  'weather:report-stored': ({ report }, cache) => {
    cache.update('weather:places', {}, (r) => ({
      places: r.places.map((p) => (p.id === report.placeId ? { ...p, latest: report } : p))
    }))
    // The summary is not the whole report: that place's latest is read again.
    cache.invalidate('weather:latest', { placeId: report.placeId })
    cache.invalidate('weather:history')
    cache.invalidate('weather:history-series', { placeId: report.placeId })
    // A place's first report makes it one the history can filter by.
    cache.invalidate('weather:known-places')
  },
  'weather:reports-purged': (_purged, cache) => {
    cache.invalidate('weather:history')
    cache.invalidate('weather:history-series')
    cache.invalidate('weather:known-places')
    // The retention setting may have taken a place's latest report too.
    cache.invalidate('weather:latest')
    cache.invalidate('weather:places')
  },
  'weather:connectivity': (connectivity, cache) =>
    cache.set('weather:connectivity', {}, connectivity),
  'weather:observations-stored': ({ placeIds }, cache) => {
    // What happened on those days: those places' forecast trails and accuracy change.
    for (const placeId of placeIds) {
      cache.invalidate('weather:forecast-days', { placeId })
      cache.invalidate('weather:forecast-trail', { placeId })
      cache.invalidate('weather:accuracy', { placeId })
    }
  },

  'photo-weather:status-changed': (status, cache) => cache.set('photo-weather:status', {}, status),
  'photo-weather:linked': (_linked, cache) => {
    // Linking streams like an import: grids and an open lightbox catch up at most this often.
    cache.invalidate('photo-weather:get', undefined, { afterMs: 800 })
    cache.invalidate('photo-weather:filter', undefined, { afterMs: 800 })
    cache.invalidate('photo-weather:photos-here', undefined, { afterMs: 800 })
  },

  'library:progress': applyProgress,
  'library:batch-finished': (_report, cache) => {
    // The summary is final: the batch list and that batch's failures are read again.
    cache.invalidate('library:batches')
    cache.invalidate('library:failures')
  },
  'library:changed': (_change, cache) => {
    // While photos stream in, the grid refetches at most this often, the rest less often.
    cache.invalidate('library:list', undefined, { afterMs: 800 })
    cache.invalidate('library:facets', undefined, { afterMs: 2000 })
    // An open photo's copies and near-duplicates can arrive with the import.
    cache.invalidate('library:photo', undefined, { afterMs: 2000 })
    // Month sections follow the grid; the Trash changes when photos leave or come back.
    cache.invalidate('library:timeline', undefined, { afterMs: 800 })
    cache.invalidate('library:trash', undefined, { afterMs: 800 })
    // Groups are made over the whole library (and pairs after an import): read less often.
    cache.invalidate('library:duplicate-groups', undefined, { afterMs: 2000 })
    cache.invalidate('library:duplicate-group-of', undefined, { afterMs: 2000 })
  },

  'activity:sample': noQueries(
    'samples stream into the Activity view (useActivitySamples); no request reads them'
  ),

  'bench:progress': (progress, cache) => {
    // A strategy just ended: its stored row is now in the run.
    if (progress.phase === 'running' && progress.done === 0) cache.invalidate('bench:runs')
  },
  'bench:finished': (run, cache) => {
    cache.update('bench:runs', {}, (r) => ({
      runs: [run, ...r.runs.filter((x) => x.id !== run.id)]
    }))
    // The window's own figures for the last strategy are stored just after.
    cache.invalidate('bench:runs', undefined, { afterMs: 800 })
  }
}

export type ResultEffect<C extends Channel> = (
  result: Result<C>,
  params: Params<C>,
  cache: CacheWriter
) => void

/**
 * Request → what its answer changes in the cache, applied by useApiMutation. The events
 * above usually follow, but the answer is the direct reply to the user's action.
 */
export const resultEffects: { readonly [C in Channel]?: ResultEffect<C> } = {
  'settings:update': (settings, _params, cache) => cache.set('settings:get', {}, settings),
  'weather:remove-place': setPlaces,
  'weather:restore-place': setPlaces,
  'weather:reorder-places': setPlaces,
  'weather:set-home': setPlaces,
  'photo-weather:set-enabled': (status, _params, cache) =>
    cache.set('photo-weather:status', {}, status),
  'library:import': (progress, _params, cache) => applyProgress(progress, cache),
  'library:pause': (progress, _params, cache) => applyProgress(progress, cache),
  'library:resume': (progress, _params, cache) => applyProgress(progress, cache),
  'library:cancel': (progress, _params, cache) => applyProgress(progress, cache),
  'library:retry': (progress, _params, cache) => {
    applyProgress(progress, cache)
    cache.invalidate('library:failures')
  },
  'library:dismiss-failures': (_dismissed, _params, cache) => cache.invalidate('library:failures'),
  'library:dismiss-batch': (_dismissed, _params, cache) => {
    cache.invalidate('library:batches')
    cache.invalidate('library:failures')
  },
  // Positions after the removed photo move up at once, not on the next change event.
  'library:remove': (_removed, _params, cache) => photosMoved(cache),
  'library:restore': (_restored, _params, cache) => photosMoved(cache),
  'library:trash-files': (_moved, _params, cache) => photosMoved(cache),
  'library:empty-trash': (_deleted, _params, cache) => cache.invalidate('library:trash'),
  // The group leaves the review at once, and its photos the Duplicates filter and counts.
  'library:not-duplicates': (_remembered, _params, cache) => {
    duplicatesChanged(cache)
    cache.invalidate('library:list')
    cache.invalidate('library:facets')
    cache.invalidate('library:photo')
  }
}

export function applyEvent<E extends EventName>(
  event: E,
  payload: EventPayload<E>,
  cache: CacheWriter
): void {
  const effect = eventEffects[event]
  if (typeof effect === 'function') effect(payload, cache)
}

export function applyResult<C extends Channel>(
  channel: C,
  result: Result<C>,
  params: Params<C>,
  cache: CacheWriter
): void {
  const effect = resultEffects[channel] as ResultEffect<C> | undefined
  effect?.(result, params, cache)
}

/** The events some query depends on. */
export const cacheEvents: readonly EventName[] = eventNames.filter(
  (e) => typeof eventEffects[e] === 'function'
)

/** Subscribes the table once, for the app's lifetime; returns the unsubscribe. */
export function subscribeEvents(
  client: QueryClient,
  on: typeof subscribe = subscribe,
  cache: CacheWriter = cacheWriterFor(client)
): () => void {
  const offs = cacheEvents.map((event) => on(event, (payload) => applyEvent(event, payload, cache)))
  return () => {
    for (const off of offs) off()
    cache.dispose()
  }
}
