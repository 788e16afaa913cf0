import { describe, expect, it } from 'vitest'
import type { HistoryPoint, ReportSummary } from '@shared/contract/weather'
import { createRouter, type Handlers } from '../platform/ipc/router'
import { testConfig } from '../../../test/support/config'
import { testServiceContext } from '../../../test/support/service-context'
import { useTempDir } from '../../../test/support/temp-dir'
import { fakeClock, paris, parisTx, useFixture } from '../../../test/support/weather-test-kit'
import { setupWeather } from './weather-service'

const HOUR = 3_600_000
const START = Date.UTC(2025, 5, 1, 9, 30)
const fixture = useFixture()
const tempDir = useTempDir()

interface Series {
  placeId: number
  total: number
  points: HistoryPoint[]
}

describe('weather:history-series, on a real SQLite file', () => {
  it('gives one point per stored report of the place, oldest first, as each said it', async () => {
    const clock = fakeClock(START)
    const server = await fixture({ now: clock.now })
    const kit = testServiceContext(tempDir(), {
      config: testConfig({ weatherUrl: server.url }),
      now: clock.now
    })
    const service = setupWeather(kit.ctx)
    const router = createRouter(service.handlers as Handlers, kit.ctx.log)
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await router.dispatch(channel, payload)
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`)
      return result.value as T
    }
    try {
      /** Adds a place and waits for its first report (the add refreshes it in the background). */
      const add = async (geo: typeof paris): Promise<number> => {
        const id = (await call<{ place: { id: number } }>('weather:add-place', geo)).place.id
        const stored = () =>
          kit.events.some(
            (e) =>
              e.event === 'weather:report-stored' &&
              (e.payload as { report: { placeId: number } }).report.placeId === id
          )
        await expect.poll(stored, { timeout: 20_000 }).toBe(true)
        return id
      }
      const fr = await add(paris)
      const tx = await add(parisTx)
      for (let i = 0; i < 3; i++) {
        clock.advance(3 * HOUR)
        await call('weather:refresh', { placeIds: [fr, tx] })
      }
      await expect
        .poll(async () => (await call<Series>('weather:history-series', { placeId: fr })).total, {
          timeout: 20_000
        })
        .toBe(4)

      const series = await call<Series>('weather:history-series', { placeId: fr })
      const { rows } = await call<{ rows: ReportSummary[] }>('weather:history', {
        placeId: fr,
        offset: 0,
        limit: 100
      })
      // The same reports the list shows, oldest first, each with what it said when fetched.
      expect(series.placeId).toBe(fr)
      expect(series.points).toEqual(
        [...rows].reverse().map((r) => ({
          id: r.id,
          fetchedAt: r.fetchedAt,
          temperature: r.temperature,
          tempMax: r.tempMax,
          tempMin: r.tempMin
        }))
      )
      const times = series.points.map((p) => p.fetchedAt)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(series.points.every((p) => p.temperature !== null && p.tempMax !== null)).toBe(true)

      // A limit keeps the newest; a span keeps its own reports.
      const newest = await call<Series>('weather:history-series', { placeId: fr, limit: 2 })
      expect(newest.total).toBe(4)
      expect(newest.points.map((p) => p.id)).toEqual(series.points.slice(2).map((p) => p.id))
      const span = await call<Series>('weather:history-series', {
        placeId: fr,
        from: times[1],
        to: times[2]
      })
      expect(span.points.map((p) => p.fetchedAt)).toEqual([times[1], times[2]])

      // A place with nothing stored is an empty series, not a failure.
      expect(await call<Series>('weather:history-series', { placeId: 999 })).toEqual({
        placeId: 999,
        total: 0,
        points: []
      })
      // A bad request is refused with a reason, and the desk goes on.
      const bad = await router.dispatch('weather:history-series', { placeId: fr, limit: 0 })
      expect(bad.ok).toBe(false)
      expect(await call<Series>('weather:history-series', { placeId: tx })).toMatchObject({
        total: 4
      })
    } finally {
      await service.close()
      kit.close()
    }
  }, 60_000)
})
