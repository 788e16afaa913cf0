import { describe, expect, it, vi } from 'vitest'
import type { EventName, EventPayload } from '@shared/contract'
import type { subscribe } from '../lib/api'
import { emptyPages, place, freshQueryCache } from '../../../../test/support/query-cache-kit'
import { applyEvent, applyResult, cacheEvents, subscribeEvents } from './invalidations'
import { pagesKeyOf, queryKeyOf } from './keys'

// What a request's answer does to the cache, and the table wired to the event stream.
const q = freshQueryCache()
const invalidated = q.invalidated
const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void =>
  applyEvent(event, payload, q.cache)

describe('the result table', () => {
  it('puts a place action’s answer in the list', () => {
    const answer = { places: [place(2)] }
    applyResult('weather:remove-place', answer, { id: 1 }, q.cache)
    expect(q.client.getQueryData(queryKeyOf('weather:places', {}))).toBe(answer)
  })

  it('reads the photo list and facets again at once after a removal', () => {
    const list = pagesKeyOf('library:list', { sort: 'name', descending: false, filter: {} }, 120)
    q.client.setQueryData(list, emptyPages)
    applyResult('library:remove', { removed: 1 }, { ids: [4] }, q.cache)
    expect(invalidated(list)).toBe(true)
  })

  it('reads the grid, its months and the Trash again at once after a removal or a restore', () => {
    const list = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    const timeline = queryKeyOf('library:timeline', { sort: 'taken', filter: {} })
    const trash = pagesKeyOf('library:trash', {}, 120)
    const keys = [list, timeline, trash]
    for (const channel of ['library:remove', 'library:restore'] as const) {
      for (const key of keys)
        q.client.setQueryData(key, key === timeline ? { total: 0, months: [] } : emptyPages)
      if (channel === 'library:remove') applyResult(channel, { removed: 1 }, { ids: [4] }, q.cache)
      else applyResult(channel, { restored: 1 }, { ids: [4] }, q.cache)
      expect(keys.map(invalidated)).toEqual([true, true, true])
    }
  })

  it('reads the duplicate review again after "keep this one", its Undo and "not duplicates"', () => {
    const groups = queryKeyOf('library:duplicate-groups', { offset: 0, limit: 20 })
    const groupOf = queryKeyOf('library:duplicate-group-of', { id: 4 })
    const facets = queryKeyOf('library:facets', {})
    const keys = [groups, groupOf]
    const fresh = (): void => {
      q.client.setQueryData(groups, { total: 0, groups: [] })
      q.client.setQueryData(groupOf, null)
      q.client.setQueryData(facets, { total: 0, folders: [], formats: [], duplicates: 0 })
    }
    fresh()
    applyResult('library:remove', { removed: 1 }, { ids: [4] }, q.cache)
    expect(keys.map(invalidated)).toEqual([true, true])
    fresh()
    applyResult('library:restore', { restored: 1 }, { ids: [4] }, q.cache)
    expect(keys.map(invalidated)).toEqual([true, true])
    fresh()
    applyResult('library:not-duplicates', { remembered: 1 }, { ids: [4, 5] }, q.cache)
    expect([...keys, facets].map(invalidated)).toEqual([true, true, true])
    // Pairs made after an import come with a change event: read, a little later.
    fresh()
    emit('library:changed', { revision: 2, added: 0, removed: 0 })
    vi.runAllTimers()
    expect(keys.map(invalidated)).toEqual([true, true])
  })

  it('leaves the cache alone for requests that change nothing cached', () => {
    const places = queryKeyOf('weather:places', {})
    q.client.setQueryData(places, { places: [] })
    applyResult('shell:open-external', { opened: true }, { url: 'https://example.com/' }, q.cache)
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

    const stop = subscribeEvents(q.client, on, q.cache)
    expect([...listeners.keys()].sort()).toEqual([...cacheEvents].sort())

    listeners.get('settings:changed')?.({ theme: 'dark' })
    expect(q.client.getQueryData(queryKeyOf('settings:get', {}))).toEqual({ theme: 'dark' })

    const list = pagesKeyOf('library:list', { sort: 'taken', descending: true, filter: {} }, 120)
    q.client.setQueryData(list, emptyPages)
    listeners.get('library:changed')?.({ revision: 1, added: 1, removed: 0 })
    stop()
    expect(listeners.size).toBe(0)
    vi.advanceTimersByTime(5000)
    expect(invalidated(list)).toBe(false)
  })
})
