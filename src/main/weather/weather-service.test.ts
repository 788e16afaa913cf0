import { describe, expect, it } from 'vitest'
import type { EventName } from '@shared/contract'
import { headlessDesktop } from '../platform/desktop'
import { EventBus } from '../platform/ipc/event-bus'
import { createRouter, type Handlers } from '../platform/ipc/router'
import { NetworkTracker } from '../platform/metrics/network-tracker'
import { memoryLogger } from '../platform/log'
import { appPaths } from '../platform/paths'
import { NodeLauncher } from '../platform/process/node-launcher'
import type { ServiceContext } from '../core/service'
import { SettingsRepository } from '../platform/store/settings-repository'
import { TaskTracker } from '../platform/tasks/task-tracker'
import { everyPathGranted } from '../security/path-grants'
import { useTempDir } from '../../../test/support/temp-dir'
import { openStore, paris, parisTx, useFixture } from '../../../test/support/weather-test-kit'
import { testConfig } from '../../../test/support/config'
import { setupWeather } from './weather-service'

const fixture = useFixture()
const tempDir = useTempDir()

function context(dir: string, weatherUrl: string | null, fetchFn: typeof fetch = fetch) {
  const db = openStore(dir)
  const log = memoryLogger()
  const bus = new EventBus(log)
  const events: { event: EventName; payload: unknown }[] = []
  bus.connect((event, payload) => events.push({ event, payload }))
  const statuses: string[][] = []
  const tasks = new TaskTracker((s) => statuses.push(s.tasks.map((t) => t.label)), 0)
  const ctx: ServiceContext = {
    db,
    bus,
    tasks,
    settings: new SettingsRepository(db),
    log,
    paths: appPaths(dir),
    launcher: new NodeLauncher(),
    workerEntry: (n) => n,
    desktop: headlessDesktop,
    grants: everyPathGranted(),
    fetch: fetchFn,
    network: new NetworkTracker(),
    now: Date.now,
    config: testConfig({ weatherUrl })
  }
  return { ctx, db, events, statuses }
}

describe('weather service through the router', () => {
  it('searches, adds places (first report arrives as an event) and lists them', async () => {
    const server = await fixture()
    const { ctx, db, events, statuses } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    const found = await router.dispatch('weather:search', { query: 'Paris' })
    expect(found).toMatchObject({ ok: true })
    const results = (found as { value: { results: (typeof paris)[] } }).value.results
    expect(results.map((r) => r.admin1)).toEqual(['Île-de-France', 'Texas', 'Tennessee'])

    const added = await router.dispatch('weather:add-place', results[0])
    expect(added.ok).toBe(true)
    await expect.poll(() => events.some((e) => e.event === 'weather:report-stored')).toBe(true)
    const list = await router.dispatch('weather:places', {})
    const places = (list as { value: { places: { latest: unknown; isHome: boolean }[] } }).value
      .places
    expect(places).toHaveLength(1)
    expect(places[0]?.latest).not.toBeNull()
    expect(places[0]?.isHome).toBe(true)
    expect(statuses.some((s) => s.includes('Refreshing weather'))).toBe(true)
    await service.close()
    db.close()
  })

  it('opens on stored data without touching the network', async () => {
    const server = await fixture()
    const dir = tempDir()
    const first = context(dir, server.url)
    const s1 = setupWeather(first.ctx)
    const r1 = createRouter(s1.handlers as Handlers, first.ctx.log)
    await r1.dispatch('weather:add-place', paris)
    await r1.dispatch('weather:add-place', parisTx)
    await r1.dispatch('weather:refresh-all', {})
    await s1.close()
    first.db.close()

    let calls = 0
    const offline = (async () => {
      calls++
      throw new TypeError('fetch failed')
    }) as unknown as typeof fetch
    const second = context(dir, null, offline)
    const s2 = setupWeather(second.ctx)
    s2.start?.()
    const r2 = createRouter(s2.handlers as Handlers, second.ctx.log)
    const list = (await r2.dispatch('weather:places', {})) as {
      value: { places: { id: number; latest: unknown }[] }
    }
    expect(list.value.places).toHaveLength(2)
    expect(list.value.places.every((p) => p.latest !== null)).toBe(true)
    const latest = await r2.dispatch('weather:latest', { placeId: list.value.places[0]!.id })
    expect(latest.ok).toBe(true)
    expect(calls).toBe(0)
    await s2.close()
    second.db.close()
  })

  it('reports a missing report as not_found and removes a place without losing its history', async () => {
    const server = await fixture()
    const { ctx, db } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    expect(await router.dispatch('weather:report', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    const added = (await router.dispatch('weather:add-place', paris)) as {
      value: { place: { id: number } }
    }
    const id = added.value.place.id
    await router.dispatch('weather:refresh', { placeIds: [id] })
    await router.dispatch('weather:remove-place', { id })
    const history = (await router.dispatch('weather:history', { offset: 0, limit: 10 })) as {
      value: { total: number }
    }
    expect(history.value.total).toBeGreaterThanOrEqual(1)
    const known = (await router.dispatch('weather:known-places', {})) as {
      value: { places: { removed: boolean }[] }
    }
    expect(known.value.places.map((p) => p.removed)).toEqual([true])
    await service.close()
    db.close()
  })
})

describe('weather:restore-place', () => {
  type Listed = {
    value: { places: { id: number; latest: { id: number } | null; isHome: boolean }[] }
  }

  it('undoes a removal: the place is back at its position with its reports', async () => {
    const server = await fixture()
    const { ctx, db, events } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    const a = (await router.dispatch('weather:add-place', paris)) as {
      value: { place: { id: number } }
    }
    const b = (await router.dispatch('weather:add-place', parisTx)) as {
      value: { place: { id: number } }
    }
    const id = a.value.place.id
    await router.dispatch('weather:refresh-all', {})
    const historyOf = async () =>
      (
        (await router.dispatch('weather:history', { placeId: id, offset: 0, limit: 10 })) as {
          value: { total: number }
        }
      ).value.total
    const stored = await historyOf()
    expect(stored).toBeGreaterThanOrEqual(1)
    const before = ((await router.dispatch('weather:places', {})) as Listed).value.places
    const report = before.find((p) => p.id === id)?.latest
    expect(report).toBeTruthy()

    const removed = (await router.dispatch('weather:remove-place', { id })) as Listed
    expect(removed.value.places.map((p) => p.id)).toEqual([b.value.place.id])
    events.length = 0
    const restored = await router.dispatch('weather:restore-place', { id })
    expect(restored.ok).toBe(true)
    const places = (restored as Listed).value.places
    // First again, as before the removal, with the same latest report.
    expect(places.map((p) => p.id)).toEqual([id, b.value.place.id])
    expect(places[0]?.latest?.id).toBe(report?.id)
    expect(events.some((e) => e.event === 'weather:places-changed')).toBe(true)
    expect(await historyOf()).toBe(stored)
    await service.close()
    db.close()
  })

  it('gives back the home place when it was the only one', async () => {
    const server = await fixture()
    const { ctx, db } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    const a = (await router.dispatch('weather:add-place', paris)) as {
      value: { place: { id: number } }
    }
    const id = a.value.place.id
    await router.dispatch('weather:remove-place', { id })
    const restored = (await router.dispatch('weather:restore-place', { id })) as Listed
    expect(restored.value.places.map((p) => [p.id, p.isHome])).toEqual([[id, true]])
    await service.close()
    db.close()
  })

  it('answers not_found for an unknown id and conflict for a place still listed', async () => {
    const server = await fixture()
    const { ctx, db } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    expect(await router.dispatch('weather:restore-place', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That place is no longer stored.' }
    })
    expect(await router.dispatch('weather:restore-place', { id: 1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_params' }
    })
    const a = (await router.dispatch('weather:add-place', paris)) as {
      value: { place: { id: number } }
    }
    const id = a.value.place.id
    expect(await router.dispatch('weather:restore-place', { id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Paris is already in the list.' }
    })
    // Removed, then added again from the search: restoring the old one would list it twice.
    await router.dispatch('weather:remove-place', { id })
    await router.dispatch('weather:add-place', paris)
    expect(await router.dispatch('weather:restore-place', { id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    await service.close()
    db.close()
  })
})

describe('weather:resume', () => {
  it('refreshes only places that are due or failed, not fresh ones', async () => {
    const server = await fixture()
    const { ctx, db } = context(tempDir(), server.url)
    const service = setupWeather(ctx)
    const router = createRouter(service.handlers as Handlers, ctx.log)
    const a = (await router.dispatch('weather:add-place', paris)) as {
      value: { place: { id: number } }
    }
    const b = (await router.dispatch('weather:add-place', parisTx)) as {
      value: { place: { id: number } }
    }
    await router.dispatch('weather:refresh-all', {})
    server.inject('forecast', { kind: 'bad-request', reason: 'refused once' })
    await router.dispatch('weather:refresh', { placeIds: [b.value.place.id] })
    const resumed = (await router.dispatch('weather:resume', {})) as {
      value: { outcomes: { placeId: number; reportId: number | null }[] }
    }
    // Only the failed place goes out again; the fresh one is left alone.
    expect(resumed.value.outcomes.map((o) => o.placeId)).toEqual([b.value.place.id])
    expect(resumed.value.outcomes[0]?.reportId).not.toBeNull()
    expect(a.value.place.id).not.toBe(b.value.place.id)
    await service.close()
    db.close()
  })
})
