import { describe, expect, it } from 'vitest'
import type { Accuracy, Connectivity, ForecastTrail } from '@shared/contract/weather'
import { observedDay } from '../../../fixtures/open-meteo/synth-days'
import { temperatureDrift } from '../../../fixtures/open-meteo/synth-truth'
import { createRouter, type Handlers } from '../platform/ipc/router'
import { testConfig } from '../../../test/support/config'
import { testServiceContext } from '../../../test/support/service-context'
import { useTempDir } from '../../../test/support/temp-dir'
import { fakeClock, paris, parisTx, useFixture } from '../../../test/support/weather-test-kit'
import { setupWeather } from './weather-service'

const DAY = 86_400_000
const START = Date.UTC(2025, 5, 1, 9, 30)
const fixture = useFixture()
const tempDir = useTempDir()

async function desk(weatherUrl: string | null, now: () => number) {
  const kit = testServiceContext(tempDir(), { config: testConfig({ weatherUrl }), now })
  const service = setupWeather(kit.ctx)
  const router = createRouter(service.handlers as Handlers, kit.ctx.log)
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const result = await router.dispatch(channel, payload)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
    return result.value as T
  }
  const stop = async () => {
    await service.close()
    kit.close()
  }
  /** Adds a place and waits for its first report (the add refreshes it in the background). */
  const addPlace = async (geo: typeof paris): Promise<number> => {
    const { place } = await call<{ place: { id: number } }>('weather:add-place', geo)
    const stored = () =>
      kit.events.some(
        (e) =>
          e.event === 'weather:report-stored' &&
          (e.payload as { report: { placeId: number } }).report.placeId === place.id
      )
    await expect.poll(stored, { timeout: 20_000 }).toBe(true)
    return place.id
  }
  return { ...kit, router, call, stop, addPlace }
}

const dayKey = (ms: number): string => new Date(ms + 7200_000).toISOString().slice(0, 10)

describe('forecast against what happened, through the contract', () => {
  it('shows how a day’s forecast moved, and how good the forecasts were by lead time', async () => {
    const clock = fakeClock(START)
    const server = await fixture({ now: clock.now })
    const app = await desk(server.url, clock.now)
    const placeId = await app.addPlace(paris)

    // Two days in: too little to judge, and it says how much more is needed.
    for (let d = 1; d <= 2; d++) {
      clock.advance(DAY)
      await app.call('weather:refresh', { placeIds: [placeId] })
    }
    const early = await app.call<Accuracy>('weather:accuracy', { placeId })
    expect(early.leads.map((l) => [l.leadDays, l.state])).toEqual([
      [1, 'not-enough'],
      [2, 'not-enough'],
      [3, 'not-enough'],
      [5, 'not-enough'],
      [7, 'not-enough']
    ])
    // Days 0 and 1 are observed; only day 1 had a forecast one day ahead.
    expect(early.leads[0]).toMatchObject({ reports: 1, days: 1, daysNeeded: 2 })
    expect(early.rules).toEqual({ minDays: 3, rainChancePercent: 50, wetDayMm: 0.2 })

    // A refresh a day for twelve days in all.
    for (let d = 3; d <= 12; d++) {
      clock.advance(DAY)
      await app.call('weather:refresh', { placeIds: [placeId] })
    }
    const accuracy = await app.call<Accuracy>('weather:accuracy', { placeId })
    for (const lead of accuracy.leads) {
      expect(lead.state).toBe('ready')
      if (lead.state !== 'ready') continue
      // Days 0…11 are observed; a lead-L forecast exists for days L…11.
      expect(lead.days).toBe(12 - lead.leadDays)
      expect(lead.reports).toBe(12 - lead.leadDays)
      expect(lead.high?.value).toBeCloseTo(0.5 * lead.leadDays, 9)
      expect(lead.low?.value).toBeCloseTo(0.5 * lead.leadDays, 9)
      expect(lead.rain?.reports).toBe(lead.reports)
    }

    // How 9 June's forecast moved: one report a day, eight days ahead down to the same day.
    const date = '2025-06-09'
    const trail = await app.call<ForecastTrail>('weather:forecast-trail', { placeId, date })
    expect(trail.observedState).toBe('observed')
    expect(trail.points.map((p) => p.leadDays)).toEqual([7, 6, 5, 4, 3, 2, 1, 0])
    expect(trail.points.map((p) => dayKey(p.fetchedAt))).toEqual(
      ['02', '03', '04', '05', '06', '07', '08', '09'].map((d) => `2025-06-${d}`)
    )
    const truth = observedDay(paris.latitude, paris.longitude, date, 7200)
    expect(trail.observed).toMatchObject({ high: truth.high, low: truth.low, source: 'forecast' })
    const targetDay = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY)
    for (const p of trail.points) {
      expect(p.high! - truth.high).toBeCloseTo(temperatureDrift(targetDay, p.leadDays), 9)
    }

    const { days } = await app.call<{
      days: { date: string; reports: number; observed: boolean }[]
    }>('weather:forecast-days', { placeId })
    expect(days[0]).toEqual({ date: '2025-06-20', reports: 1, observed: false })
    expect(days.find((d) => d.date === date)).toEqual({ date, reports: 8, observed: true })
    expect(days.at(-1)).toEqual({ date: '2025-06-01', reports: 1, observed: true })
    const future = await app.call<ForecastTrail>('weather:forecast-trail', {
      placeId,
      date: '2025-06-15'
    })
    expect(future).toMatchObject({ observedState: 'future', observed: null })
    expect(app.events.filter((e) => e.event === 'weather:observations-stored').length).toBe(12)
    await app.stop()
  })

  it('says a finished day not yet fetched is pending, and refuses bad requests in words', async () => {
    const clock = fakeClock(START)
    const server = await fixture({ now: clock.now })
    const app = await desk(server.url, clock.now)
    const place = { id: await app.addPlace(paris) }
    clock.advance(DAY)
    const pending = await app.call<ForecastTrail>('weather:forecast-trail', {
      placeId: place.id,
      date: '2025-06-01'
    })
    expect(pending).toMatchObject({ observedState: 'pending', observed: null })
    expect(pending.points).toHaveLength(1)
    const badDate = await app.router.dispatch('weather:forecast-trail', {
      placeId: place.id,
      date: '2025-02-30'
    })
    expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(JSON.stringify(badDate)).toContain('YYYY-MM-DD')
    expect(await app.router.dispatch('weather:accuracy', { placeId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That place is no longer stored.' }
    })
    await app.stop()
  })
})

describe('connectivity, through the contract', () => {
  it('is offline once every place fails to connect, said once, and resume brings all back', async () => {
    const server = await fixture()
    const gone = await fixture()
    const goneUrl = gone.url
    await gone.close()
    const app = await desk(null, Date.now)
    app.ctx.settings.update({ weatherBaseUrl: server.url })
    const a = await app.call<{ place: { id: number } }>('weather:add-place', paris)
    const b = await app.call<{ place: { id: number } }>('weather:add-place', parisTx)
    await app.call('weather:refresh-all')
    const online = await app.call<Connectivity>('weather:connectivity')
    expect(online.offline).toBe(false)
    expect(online.lastSuccessAt).not.toBeNull()

    app.ctx.settings.update({ weatherBaseUrl: goneUrl })
    await app.call('weather:refresh-all')
    await app.call('weather:refresh-all')
    const offline = await app.call<Connectivity>('weather:connectivity')
    expect(offline).toMatchObject({ offline: true, lastSuccessAt: online.lastSuccessAt })
    const said = app.events.filter((e) => e.event === 'weather:connectivity')
    expect(said.map((e) => (e.payload as Connectivity).offline)).toEqual([true])
    const { places } = await app.call<{ places: { status: { state: string; error: unknown } }[] }>(
      'weather:places'
    )
    expect(places.map((p) => p.status)).toMatchObject([
      { state: 'idle', error: null },
      { state: 'idle', error: null }
    ])

    app.ctx.settings.update({ weatherBaseUrl: server.url })
    const resumed = await app.call<{ outcomes: { placeId: number; reportId: number | null }[] }>(
      'weather:resume'
    )
    expect(resumed.outcomes.map((o) => o.placeId).sort()).toEqual([a.place.id, b.place.id].sort())
    expect(resumed.outcomes.every((o) => o.reportId !== null)).toBe(true)
    expect((await app.call<Connectivity>('weather:connectivity')).offline).toBe(false)
    expect(app.events.filter((e) => e.event === 'weather:connectivity')).toHaveLength(2)
    await app.stop()
  })
})
