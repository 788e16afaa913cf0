import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../platform/log'
import { useTempDir } from '../../../test/support/temp-dir'
import {
  fakeClock,
  openStore,
  paris,
  parisTx,
  refresherFor,
  useFixture
} from '../../../test/support/weather-test-kit'
import { UNREACHABLE, WeatherRefresher } from './weather-refresher'

const START = Date.UTC(2025, 5, 1, 9, 30)
const fixture = useFixture()
const tempDir = useTempDir()

/** A refresher whose Open-Meteo is at `target.url`: a closed port until a test says otherwise. */
async function desk(extra: { fetch?: typeof fetch } = {}) {
  const clock = fakeClock(START)
  const server = await fixture({ now: clock.now })
  const gone = await fixture()
  const target = { url: gone.url }
  await gone.close()
  const db = openStore(tempDir())
  const netLog = memoryLogger()
  const kit = refresherFor(db, server, clock, {
    batchSize: 1,
    client: {
      log: netLog,
      timeoutMs: 15_000,
      baseUrls: () => ({ forecast: target.url, 'air-quality': target.url, geocoding: target.url }),
      ...extra
    }
  })
  return { clock, server, db, kit, target, netLog }
}

const everything = (kit: Awaited<ReturnType<typeof desk>>['kit'], outcomes: unknown): string =>
  JSON.stringify([kit.statuses, outcomes, kit.places.list(), kit.connectivity])

describe('offline, said once', () => {
  it('every place unreachable: one offline state, no error on any place, codes only in the log', async () => {
    const { clock, db, kit, server, target, netLog } = await desk()
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    const outcomes = await kit.refresher.refresh([a.id, b.id])
    expect(outcomes.map((o) => o.error?.code)).toEqual(['network', 'network'])
    expect(kit.connectivity).toEqual([{ offline: true, since: clock.now(), lastSuccessAt: null }])
    // No place ever showed an error of its own, not even for a moment.
    expect(kit.statuses.filter((s) => s.state === 'error')).toEqual([])
    for (const p of [a, b]) {
      expect(kit.refresher.status(kit.places.get(p.id)!)).toMatchObject({
        state: 'idle',
        error: null
      })
      expect(kit.places.get(p.id)?.lastError).toBeNull()
    }
    expect(everything(kit, outcomes)).not.toMatch(/ECONN|ENOTFOUND|EAI_AGAIN/)
    expect(netLog.lines.some((l) => l.includes('ECONNREFUSED'))).toBe(true)
    expect(kit.log.lines.some((l) => l.includes('Open-Meteo unreachable: offline'))).toBe(true)

    // Still offline at the next round: not said again.
    clock.advance(60_000)
    await kit.refresher.refresh([a.id, b.id])
    expect(kit.connectivity).toHaveLength(1)

    // Back: said once more, with when the last report arrived.
    target.url = server.url
    clock.advance(60_000)
    const back = await kit.refresher.refresh([a.id, b.id])
    expect(back.every((o) => o.reportId !== null)).toBe(true)
    expect(kit.connectivity[1]).toEqual({ offline: false, since: null, lastSuccessAt: clock.now() })
    expect(kit.refresher.connection().offline).toBe(false)
    db.close()
  })

  it('a place’s own fault shows on that place only, and the app stays online', async () => {
    const { db, kit, server, target } = await desk()
    target.url = server.url
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    server.inject('forecast', { kind: 'bad-request', reason: 'Latitude must be in range' })
    await kit.refresher.refresh([a.id, b.id])
    const states = [a, b].map((p) => kit.refresher.status(kit.places.get(p.id)!).state)
    expect(states.sort()).toEqual(['error', 'idle'])
    expect(kit.connectivity).toEqual([])
    db.close()
  })

  it('when only some places cannot connect, those places say so in words, without socket codes', async () => {
    const failing = (async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).includes('latitude=33.6609')) {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
      }
      return fetch(url, init)
    }) as typeof fetch
    const { db, kit, server, target, netLog } = await desk({ fetch: failing })
    target.url = server.url
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    const outcomes = await kit.refresher.refresh([a.id, b.id])
    expect(outcomes.find((o) => o.placeId === a.id)?.reportId).not.toBeNull()
    expect(kit.refresher.status(kit.places.get(b.id)!)).toMatchObject({
      state: 'error',
      error: {
        code: 'network',
        message: 'Skyfolio could not reach Open-Meteo (forecast). Check the connection.'
      }
    })
    expect(kit.connectivity).toEqual([])
    expect(everything(kit, outcomes)).not.toContain('ECONNRESET')
    expect(netLog.lines.some((l) => l.includes('ECONNRESET'))).toBe(true)
    db.close()
  })

  it('an error stored by an older version with a socket code is shown in words', async () => {
    const { db, kit } = await desk()
    const a = kit.places.add(paris)
    kit.places.recordAttempt(a.id, {
      code: 'network',
      message:
        'Skyfolio could not reach Open-Meteo (forecast) (ECONNREFUSED). Check the connection.'
    })
    const fresh = new WeatherRefresher({
      client: kit.client,
      places: kit.places,
      reports: kit.reports,
      now: Date.now,
      log: kit.log
    })
    expect(fresh.status(kit.places.get(a.id)!).error).toEqual({
      code: 'network',
      message: UNREACHABLE
    })
    db.close()
  })
})
