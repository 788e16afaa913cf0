import { describe, expect, it } from 'vitest'
import { observedDay } from '../../../fixtures/open-meteo/synth-days'
import { useTempDir } from '../../../test/support/temp-dir'
import {
  fakeClock,
  openStore,
  paris,
  parisTx,
  refresherFor,
  useFixture
} from '../../../test/support/weather-test-kit'

const DAY = 86_400_000
// 09:30 UTC: 11:30 in Paris, 04:30 in Chicago; the same date in both.
const START = Date.UTC(2025, 5, 1, 9, 30)
const fixture = useFixture()
const tempDir = useTempDir()

async function desk(options: { batchSize?: number } = {}) {
  const clock = fakeClock(START)
  const server = await fixture({ now: clock.now })
  const db = openStore(tempDir())
  // Requests are counted: a loaded machine must not turn slowness into retries.
  const kit = refresherFor(db, server, clock, { ...options, client: { timeoutMs: 15_000 } })
  const queries = (api: 'forecast' | 'archive') =>
    server
      .stats()
      .log.filter((l) => l.api === api)
      .map((l) => new URLSearchParams(l.query))
  return { clock, server, db, kit, queries }
}

describe('what the days were really like', () => {
  it('fetches a finished day once, from past_days, and never again', async () => {
    const { clock, server, db, kit, queries } = await desk()
    const a = kit.places.add(paris)
    await kit.refresher.refresh([a.id])
    // Nothing predicted is over yet: no request for past days.
    expect(server.stats().requests.forecast).toBe(1)

    clock.advance(DAY)
    await kit.refresher.refresh([a.id])
    const recent = queries('forecast').filter((q) => q.has('past_days'))
    expect(recent.map((q) => q.get('past_days'))).toEqual(['1'])
    const stored = kit.observations.get(a.id, '2025-06-01')
    const truth = observedDay(paris.latitude, paris.longitude, '2025-06-01', 7200)
    expect(stored).toMatchObject({
      date: '2025-06-01',
      high: truth.high,
      low: truth.low,
      precipitationSum: truth.precipitationSum,
      weatherCode: truth.weatherCode,
      source: 'forecast',
      fetchedAt: clock.now()
    })

    // The same day again: the day is stored, so no second request for it.
    clock.advance(3_600_000)
    await kit.refresher.refresh([a.id])
    expect(queries('forecast').filter((q) => q.has('past_days'))).toHaveLength(1)
    expect(server.stats().concurrencyRefusals).toBe(0)
    db.close()
  })

  it('asks the archive for days too old for past_days, one request for several places', async () => {
    const { clock, db, kit, queries } = await desk()
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    await kit.refresher.refresh([a.id, b.id])
    // Away ten days: the first report's eight days are all over.
    clock.advance(10 * DAY)
    await kit.refresher.refresh([a.id, b.id])

    const recent = queries('forecast').filter((q) => q.has('past_days'))
    expect(recent.map((q) => [q.get('past_days'), q.get('latitude')?.split(',').length])).toEqual([
      ['5', 2]
    ])
    const archive = queries('archive')
    expect(archive.map((q) => [q.get('start_date'), q.get('end_date')])).toEqual([
      ['2025-06-01', '2025-06-05']
    ])
    expect(archive[0]?.get('latitude')?.split(',')).toHaveLength(2)
    for (const place of [a, b]) {
      const sources = ['01', '02', '03', '04', '05', '06', '07', '08'].map(
        (d) => kit.observations.get(place.id, `2025-06-${d}`)?.source
      )
      expect(sources).toEqual([...Array(5).fill('archive'), ...Array(3).fill('forecast')])
    }
    // Chicago's days are Chicago's: the archive answered at its own offset.
    const chicago = kit.observations.get(b.id, '2025-06-03')
    expect(chicago?.high).toBe(
      observedDay(parisTx.latitude, parisTx.longitude, '2025-06-03', -5 * 3600).high
    )
    db.close()
  })

  it('keeps to the same rate rules: a 429 pauses the host for forecasts and past days alike', async () => {
    const { clock, server, db, kit } = await desk()
    const a = kit.places.add(paris)
    await kit.refresher.refresh([a.id])
    clock.advance(DAY)
    // The forecast goes through; the past-days request after it meets the hourly limit.
    server.inject('forecast', { kind: 'delay', ms: 0 })
    server.inject('forecast', { kind: 'rate-limit', window: 'hourly' })
    const [o] = await kit.refresher.refresh([a.id])
    expect(o?.reportId).not.toBeNull()
    expect(kit.observations.get(a.id, '2025-06-01')).toBeNull()
    expect(kit.client.pausedUntil('forecast')).toBe(Date.UTC(2025, 5, 2, 10, 0))
    expect(kit.log.lines.some((l) => l.includes('past weather could not be fetched'))).toBe(true)
    // The place's own refresh worked: its status shows no error for the past days.
    expect(kit.refresher.status(kit.places.get(a.id)!).error).toBeNull()

    // Within the pause nothing goes out at all.
    const before = server.stats().requests.forecast
    const [paused] = await kit.refresher.refresh([a.id])
    expect(paused?.error?.code).toBe('rate_limited')
    expect(server.stats().requests.forecast).toBe(before)

    // After it, the refresh and the missing day both come in.
    clock.advance(45 * 60_000)
    const [after] = await kit.refresher.refresh([a.id])
    expect(after?.reportId).not.toBeNull()
    expect(kit.observations.get(a.id, '2025-06-01')?.source).toBe('forecast')
    db.close()
  })

  it('a failed past-days request is logged and asked again on the next refresh', async () => {
    const { clock, server, db, kit } = await desk()
    const a = kit.places.add(paris)
    await kit.refresher.refresh([a.id])
    clock.advance(DAY)
    server.inject('forecast', { kind: 'delay', ms: 0 })
    server.inject('forecast', { kind: 'bad-request', reason: 'Past days is invalid.' })
    await kit.refresher.refresh([a.id])
    expect(kit.observations.get(a.id, '2025-06-01')).toBeNull()
    const line = kit.log.lines.find((l) => l.includes('past weather could not be fetched'))
    expect(line).toContain('Past days is invalid.')
    await kit.refresher.refresh([a.id])
    expect(kit.observations.get(a.id, '2025-06-01')).not.toBeNull()
    db.close()
  })
})
