import { describe, expect, it } from 'vitest'
import type { PlaceView, Report } from '@shared/contract/weather'
import { createRouter, type Handlers } from '../platform/ipc/router'
import { testConfig } from '../../../test/support/config'
import { testServiceContext } from '../../../test/support/service-context'
import { useTempDir } from '../../../test/support/temp-dir'
import { paris, useFixture } from '../../../test/support/weather-test-kit'
import { setupWeather } from './weather-service'

// What the user sees when Open-Meteo's answer is not what Skyfolio asked for.
const fixture = useFixture()
const tempDir = useTempDir()

async function desk(dir: string, weatherUrl: string) {
  const kit = testServiceContext(dir, { config: testConfig({ weatherUrl }) })
  const service = setupWeather(kit.ctx)
  const router = createRouter(service.handlers as Handlers, kit.ctx.log)
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await router.dispatch(channel, payload)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as T
  }
  const places = async () => (await call<{ places: PlaceView[] }>('weather:places', {})).places
  const stop = async () => {
    await service.close()
    kit.close()
  }
  return { ...kit, call, places, stop }
}

describe('weather answers are checked, not trusted', () => {
  it('a wrong-shaped forecast fails at once; the place says so in plain words, also after a restart', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'wrong-shape' }, 4)
    const dir = tempDir()
    const app = await desk(dir, server.url)
    await app.call('weather:add-place', paris)
    await expect
      .poll(async () => (await app.places())[0]?.status.state, { timeout: 20_000 })
      .toBe('error')
    const shown = (await app.places())[0]!.status.error
    expect(shown).toEqual({
      code: 'invalid_response',
      message:
        'Open-Meteo sent an answer Skyfolio does not understand (forecast). The details are in the log.'
    })
    expect((await app.places())[0]?.latest).toBeNull()
    // Not retried as if it were a network fault.
    expect(server.stats().requests.forecast).toBe(1)
    // The validator's findings are in the log, not in front of the user.
    expect(app.log.lines.some((l) => l.includes('does not match') && l.includes('hourly'))).toBe(
      true
    )
    await app.stop()

    const again = await desk(dir, server.url)
    expect((await again.places())[0]?.status.error?.message).toBe(shown?.message)
    await again.stop()
  })

  it('a forecast in °F, mph and inch is stored and shown in °C, km/h and mm', async () => {
    const server = await fixture()
    const app = await desk(tempDir(), server.url)
    const { place } = await app.call<{ place: PlaceView }>('weather:add-place', paris)
    await expect.poll(async () => (await app.places())[0]?.latest, { timeout: 20_000 }).toBeTruthy()
    server.inject('forecast', { kind: 'imperial' })
    const { outcomes } = await app.call<{ outcomes: { reportId: number | null }[] }>(
      'weather:refresh',
      { placeIds: [place.id] }
    )
    expect(outcomes[0]?.reportId).not.toBeNull()
    const { rows } = await app.call<{ rows: { id: number }[] }>('weather:history', {
      placeId: place.id,
      offset: 0,
      limit: 10
    })
    expect(rows).toHaveLength(2)
    const [imperial, metric] = await Promise.all(
      rows.map((r) => app.call<Report>('weather:report', { id: r.id }))
    )
    expect(imperial!.id).toBe(outcomes[0]?.reportId)
    expect(imperial!.units).toEqual({
      temperature: 'celsius',
      windSpeed: 'kmh',
      precipitation: 'mm'
    })
    const byTime = (r: Report, key: 'temperature_2m' | 'wind_speed_10m') =>
      new Map(r.payload.forecast.hourly.time.map((t, i) => [t, r.payload.forecast.hourly[key][i]]))
    for (const [key, tolerance] of [
      ['temperature_2m', 0.06],
      ['wind_speed_10m', 0.1]
    ] as const) {
      const m = byTime(metric!, key)
      let compared = 0
      for (const [t, v] of byTime(imperial!, key)) {
        const want = m.get(t)
        if (want === undefined || want === null || v === null || v === undefined) continue
        expect(Math.abs(v - want), `${key} at ${t}`).toBeLessThan(tolerance)
        compared++
      }
      expect(compared).toBeGreaterThan(24)
    }
    // The place list shows the converted temperature, a plausible °C for Paris.
    const shown = (await app.places())[0]?.latest?.temperature
    expect(shown).toBeTypeOf('number')
    expect(Math.abs(shown! - metric!.temperature!)).toBeLessThan(5)
    await app.stop()
  })
})
