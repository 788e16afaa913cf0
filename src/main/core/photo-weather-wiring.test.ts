import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupWeather } from '../weather/weather-service'
import { startFixtureServer, type FixtureServer } from '../../../fixtures/open-meteo/fixture-server'
import { FREE_LIMITS } from '@shared/weather/call-weight'
import { useTempDir } from '../../../test/support/temp-dir'
import { testServiceContext } from '../../../test/support/service-context'
import { testConfig } from '../../../test/support/config'
import { seedPhotos, type SeedPhoto } from '../../../test/support/photo-weather-kit'
import { setupPhotoWeather } from '../library/photo-weather/photo-weather-service'

/** Photo weather wired to the weather desk's past hours, as core.ts wires them. */
const tempDir = useTempDir()
const servers: FixtureServer[] = []
const closers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c()
  for (const s of servers.splice(0)) await s.close()
})

async function fixture(noRecord?: (lat: number, lon: number) => boolean) {
  const s = await startFixtureServer({ limits: FREE_LIMITS, noRecord })
  servers.push(s)
  return s
}

/** Weather desk and photo weather wired as the core wires them, on a real SQLite file. */
function app(dir: string, url: string) {
  const t = testServiceContext(dir, { config: testConfig({ weatherUrl: url }) })
  const weather = setupWeather(t.ctx)
  const pw = setupPhotoWeather(t.ctx, weather.pastWeather)
  closers.push(async () => {
    await pw.close()
    await weather.close()
    t.close()
  })
  return { ...t, pw, h: pw.handlers }
}

const settled = async (a: ReturnType<typeof app>) =>
  vi.waitFor(
    async () => {
      await a.pw.queue.idle()
      const s = await a.h['photo-weather:status']({}, {})
      if (s.pending > 0 || s.state !== 'idle') throw new Error(`still ${s.state}, ${s.pending}`)
      return s
    },
    { timeout: 60_000, interval: 50 }
  )

const paris = (local: string, offset?: number): SeedPhoto => ({
  lat: 48.8566,
  lon: 2.3522,
  local,
  offset
})
const london = (local: string): SeedPhoto => ({ lat: 51.5072, lon: -0.1276, local })

describe('photo weather', () => {
  it('stays off until the user opts in: nothing is asked', async () => {
    const server = await fixture()
    const a = app(tempDir(), server.url)
    seedPhotos(a.ctx.db, [paris('2024-07-14T14:00:00')])
    a.pw.start?.()
    await a.pw.queue.idle()
    expect((await a.h['photo-weather:status']({}, {})).state).toBe('off')
    expect(server.stats().log).toHaveLength(0)
  })

  it('links photos in several cells with one multi-coordinate request, and never asks twice', async () => {
    const server = await fixture()
    const a = app(tempDir(), server.url)
    const ids = seedPhotos(a.ctx.db, [
      paris('2024-07-14T14:00:00', 120),
      paris('2024-07-14T14:30:00', 120),
      paris('2024-07-16T09:10:00'),
      london('2024-07-20T18:00:00')
    ])
    await a.h['photo-weather:set-enabled']({ enabled: true }, {})
    const status = await settled(a)
    expect(status).toMatchObject({ eligible: 4, linked: 4, unknown: 0 })
    const log = server.stats().log.filter((l) => l.status === 200)
    expect(log).toHaveLength(1)
    expect(log[0]!.locations).toBe(2)
    // Only rounded cell centres left the machine.
    expect(log[0]!.query).toContain('latitude=48.9%2C51.5')

    const w = await a.h['photo-weather:get']({ photoId: ids[0]! }, {})
    expect(w).toMatchObject({ known: true, localTime: '14:00', localDate: '2024-07-14' })
    if (!w.known) throw new Error('expected weather')
    expect(w.temperature).not.toBeNull()
    expect(w.windWords).toEqual(expect.any(String))
    // Photos in one cell and hour share the stored hour.
    const same = await a.h['photo-weather:get']({ photoId: ids[1]! }, {})
    expect(same).toMatchObject({ known: true, temperature: w.temperature })

    const here = await a.h['photo-weather:photos-here'](
      { limit: 500, latitude: 48.86, longitude: 2.35 },
      {}
    )
    expect(here.ids.sort()).toEqual(ids.slice(0, 3).sort())
    const wide = await a.h['photo-weather:photos-here'](
      { limit: 500, latitude: 48.86, longitude: 2.35, radiusKm: 400 },
      {}
    )
    expect(wide.total).toBe(4)
    const day = await a.h['photo-weather:photos-here'](
      { limit: 500, latitude: 48.86, longitude: 2.35, date: '2024-07-16' },
      {}
    )
    expect(day.ids).toEqual([ids[2]])

    const any = await a.h['photo-weather:filter'](
      { limit: 500, conditions: ['clear', 'cloudy', 'fog', 'rain', 'snow', 'thunderstorm'] },
      {}
    )
    const warm = await a.h['photo-weather:filter'](
      { limit: 500, minTemperature: w.temperature!, maxTemperature: w.temperature! },
      {}
    )
    expect(warm.ids).toEqual(expect.arrayContaining([ids[0], ids[1]]))
    expect(any.total).toBeLessThanOrEqual(4)

    // A new photo on a stored day links without a request; a restart asks nothing again.
    seedPhotos(a.ctx.db, [paris('2024-07-14T20:00:00')], 100)
    a.pw.queue.kick()
    expect(await settled(a)).toMatchObject({ linked: 5 })
    expect(server.stats().log.filter((l) => l.status === 200)).toHaveLength(1)
  })

  it('gives bad input "weather unknown" with its reason, and links the rest', async () => {
    const server = await fixture((lat) => lat < -40)
    const a = app(tempDir(), server.url)
    const ids = seedPhotos(a.ctx.db, [
      { lat: 0, lon: 0, local: '2024-07-14T14:00:00' },
      { lat: 89.9, lon: 0, local: '2024-07-14T14:00:00' },
      { lat: 48.85, lon: 2.35, local: '1970-01-01T00:00:00' },
      { lat: 48.85, lon: 2.35, local: '2099-01-01T00:00:00' },
      { lat: null, lon: null, local: '2024-07-14T14:00:00' },
      { lat: -50, lon: -30, local: '2024-07-14T14:00:00' },
      paris('2024-07-14T14:00:00')
    ])
    await a.h['photo-weather:set-enabled']({ enabled: true }, {})
    await settled(a)
    const reasons = await Promise.all(
      ids.map((photoId) => a.h['photo-weather:get']({ photoId }, {}))
    )
    expect(reasons.map((r) => (r.known ? 'linked' : r.reason))).toEqual([
      'null-island',
      'pole',
      'too-early',
      'future',
      'no-place',
      'no-record',
      'linked'
    ])
    for (const r of reasons) if (!r.known) expect(r.words).toMatch(/^Weather unknown: /)

    // "Set place…" gives the photo without GPS a place: it is fetched and linked.
    const set = await a.h['photo-weather:set-place'](
      {
        photoIds: [ids[4]!, ids[6]!],
        latitude: 51.5,
        longitude: -0.12,
        timezone: 'Europe/London'
      },
      {}
    )
    expect(set.updated).toBe(1)
    await settled(a)
    expect(await a.h['photo-weather:get']({ photoId: ids[4]! }, {})).toMatchObject({ known: true })
  })

  it('pauses offline, keeps its queue, and resumes after a restart', async () => {
    const dir = tempDir()
    const down = await fixture()
    const url = down.url
    await down.close()
    servers.splice(servers.indexOf(down), 1)
    const first = app(dir, url)
    seedPhotos(first.ctx.db, [paris('2024-07-14T14:00:00'), london('2024-08-01T10:00:00')])
    await first.h['photo-weather:set-enabled']({ enabled: true }, {})
    await vi.waitFor(
      async () =>
        expect((await first.h['photo-weather:status']({}, {})).state).toBe('paused-offline'),
      { timeout: 60_000, interval: 50 }
    )
    expect(await first.h['photo-weather:status']({}, {})).toMatchObject({ pending: 2, linked: 0 })
    await closers.shift()!()

    const server = await fixture()
    const second = app(dir, server.url)
    second.pw.start?.()
    expect(await settled(second)).toMatchObject({ linked: 2, pending: 0 })
  })
})
