import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { conditionsAt } from '@shared/weather/now'
import {
  fakeClock,
  openStore,
  paris,
  parisTx,
  refresherFor,
  useFixture
} from '../../../test/support/weather-test-kit'

const START = Date.UTC(2025, 5, 1, 12, 0, 30)
const fixture = useFixture()
const tempDir = useTempDir()
// Tests that count requests wait as long as a loaded machine needs: a kit timeout would retry.
const patient = { timeoutMs: 15_000 }

describe('WeatherRefresher: what the user ends up with', () => {
  it('stores one new report per place per refresh and never overwrites', async () => {
    const server = await fixture()
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START), { client: patient })
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    const first = await kit.refresher.refresh([a.id, b.id])
    expect(first.every((o) => o.reportId !== null && o.error === null)).toBe(true)
    // Both places went out in one forecast request and one air-quality request.
    expect(server.stats().requests).toMatchObject({ forecast: 1, 'air-quality': 1 })
    await kit.refresher.refresh([a.id])
    expect(kit.reports.history({ placeId: a.id, offset: 0, limit: 10 }).total).toBe(2)
    const [older, newer] = kit.reports
      .history({ placeId: a.id, offset: 0, limit: 10 })
      .rows.reverse()
    expect(kit.reports.get(older!.id)?.payload.forecast.timezone).toBe('Europe/Paris')
    expect(newer!.id).not.toBe(older!.id)
    expect(kit.reports.get(newer!.id)?.payload.airQuality?.current?.european_aqi).toBeTypeOf(
      'number'
    )
    db.close()
  })

  it.each([
    ['truncated', { kind: 'truncated' }, 'invalid_response'],
    ['plain text after JSON', { kind: 'trailing-text' }, 'invalid_response'],
    ['timeout', { kind: 'timeout' }, 'timeout'],
    ['503', { kind: 'status', status: 503 }, 'upstream']
  ] as const)(
    'never stores a %s answer, and shows the error on that place',
    async (_n, fault, code) => {
      const server = await fixture()
      server.inject('forecast', fault, 4)
      const db = openStore(tempDir())
      const kit = refresherFor(db, server, fakeClock(START))
      const a = kit.places.add(paris)
      const [outcome] = await kit.refresher.refresh([a.id])
      expect(outcome?.reportId).toBeNull()
      expect(outcome?.error?.code).toBe(code)
      expect(kit.reports.count()).toBe(0)
      expect(kit.refresher.status(kit.places.get(a.id)!).state).toBe('error')
      expect(server.stats().requests.forecast).toBe(4)
      db.close()
    }
  )

  it('a failed refresh keeps the last report and leaves other places alone', async () => {
    const server = await fixture()
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START), { batchSize: 1, client: patient })
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    await kit.refresher.refresh([a.id, b.id])
    const kept = kit.reports.latestSummary(a.id)!
    server.inject('forecast', { kind: 'bad-request', reason: 'Parameter invalid' })
    const outcomes = await kit.refresher.refresh([a.id])
    expect(outcomes[0]?.error?.message).toContain('Parameter invalid')
    const okB = await kit.refresher.refresh([b.id])
    expect(okB[0]?.reportId).not.toBeNull()
    expect(kit.reports.latestSummary(a.id)?.id).toBe(kept.id)
    expect(kit.refresher.status(kit.places.get(a.id)!).state).toBe('error')
    expect(kit.refresher.status(kit.places.get(b.id)!).state).toBe('idle')
    // A 400 costs quota and is never retried.
    expect(server.stats().log.filter((l) => l.status === 400)).toHaveLength(1)
    db.close()
  })

  it('stores the forecast without air quality when only air quality fails', async () => {
    const server = await fixture()
    server.inject('air-quality', { kind: 'bad-request', reason: 'No air quality here' })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START))
    const a = kit.places.add(paris)
    const [o] = await kit.refresher.refresh([a.id])
    const report = kit.reports.get(o!.reportId!)!
    expect(report.hasAirQuality).toBe(false)
    expect(report.payload.airQuality).toBeNull()
    expect(report.payload.airQualityError?.message).toContain('No air quality here')
    db.close()
  })

  it('keeps null as a gap through storage, never zero', async () => {
    const server = await fixture({
      gapHours: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START))
    const a = kit.places.add(paris)
    const [o] = await kit.refresher.refresh([a.id])
    const report = kit.reports.get(o!.reportId!)!
    const temps = report.payload.forecast.hourly.temperature_2m
    expect(temps.slice(0, 16).every((t) => t === null)).toBe(true)
    expect(temps[16]).toBeTypeOf('number')
    // Read as of an hour inside the gap, "now" has no temperature rather than 0°.
    const gapHour = report.payload.forecast.hourly.time[3]!
    const now = conditionsAt({ ...report.payload.forecast, current: undefined }, gapHour + 60)
    expect(now?.temperature).toBeNull()
    db.close()
  })

  it('a newer refresh supersedes the one in flight; only one report lands', async () => {
    const server = await fixture({ latencyMs: 150 })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START))
    const a = kit.places.add(paris)
    const first = kit.refresher.refresh([a.id])
    await new Promise((r) => setTimeout(r, 30))
    const second = kit.refresher.refresh([a.id])
    const [o1] = await first
    const [o2] = await second
    expect(o1?.error?.code).toBe('cancelled')
    expect(o2?.reportId).not.toBeNull()
    expect(kit.reports.count()).toBe(1)
    db.close()
  })

  it('removing a place cancels its refresh and stores nothing for it', async () => {
    const server = await fixture({ latencyMs: 150 })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START))
    const a = kit.places.add(paris)
    const pending = kit.refresher.refresh([a.id])
    kit.refresher.cancel(a.id)
    kit.places.remove(a.id)
    const [o] = await pending
    expect(o?.error?.code).toBe('cancelled')
    expect(kit.reports.count()).toBe(0)
    db.close()
  })

  it('closing cancels everything in flight', async () => {
    const server = await fixture({ latencyMs: 5_000 })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START))
    const a = kit.places.add(paris)
    const pending = kit.refresher.refresh([a.id])
    await kit.refresher.close()
    expect((await pending)[0]?.error?.code).toBe('cancelled')
    db.close()
  })

  it('batches many places: 23 places in batches of 10 make 3 requests per host', async () => {
    const server = await fixture({ latencyMs: 20 })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(START), { batchSize: 10, client: patient })
    const ids = Array.from(
      { length: 23 },
      (_, i) => kit.places.add({ ...paris, name: `P${i}`, latitude: 10 + i, longitude: i }).id
    )
    const outcomes = await kit.refresher.refresh(ids)
    expect(outcomes.filter((o) => o.reportId !== null)).toHaveLength(23)
    expect(server.stats().requests).toMatchObject({ forecast: 3, 'air-quality': 3 })
    expect(server.stats().http429).toBe(0)
    db.close()
  })
})
