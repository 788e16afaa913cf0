import { afterEach, expect } from 'vitest'
import {
  startFixtureServer,
  type FixtureOptions,
  type FixtureServer
} from '../../fixtures/open-meteo/fixture-server'
import { memoryLogger } from '../../src/main/platform/log'
import { openDatabase, type Db } from '../../src/main/platform/store/database'
import { migrations } from '../../src/main/core/migrations'
import {
  OpenMeteoClient,
  type ClientEvent,
  type ClientOptions
} from '../../src/main/weather/open-meteo/open-meteo-client'
import { WeatherFetchError } from '../../src/main/weather/open-meteo/weather-errors'
import { PlaceRepository } from '../../src/main/weather/store/place-repository'
import { ReportRepository } from '../../src/main/weather/store/report-repository'
import { WeatherRefresher } from '../../src/main/weather/weather-refresher'
import { WeatherObserver } from '../../src/main/weather/weather-observer'
import { ForecastDayRepository } from '../../src/main/weather/store/forecast-day-repository'
import { ObservationRepository } from '../../src/main/weather/store/observation-repository'
import type { Connectivity } from '../../src/shared/contract/weather'
import { join } from 'node:path'

/** A clock that only moves when the code under test sleeps: long waits cost no real time. */
export function fakeClock(startMs: number) {
  let t = startMs
  const sleeps: number[] = []
  return {
    now: () => t,
    sleeps,
    advance: (ms: number) => {
      t += ms
    },
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Error('aborted')
      sleeps.push(ms)
      t += ms
    }
  }
}

/** A fixture server per test, closed after it. */
export function useFixture(): (options?: FixtureOptions) => Promise<FixtureServer> {
  const started: FixtureServer[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()))
  })
  return async (options) => {
    const s = await startFixtureServer(options)
    started.push(s)
    return s
  }
}

export function clientFor(
  server: FixtureServer,
  clock: ReturnType<typeof fakeClock>,
  extra: Partial<ClientOptions> = {}
) {
  const events: ClientEvent[] = []
  const client = new OpenMeteoClient({
    fetch,
    baseUrls: () => ({ forecast: server.url, 'air-quality': server.url, geocoding: server.url }),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.999,
    timeoutMs: 400,
    onEvent: (e) => events.push(e),
    ...extra
  })
  return { client, events }
}

/** The WeatherFetchError `p` fails with; fails the test if `p` succeeds or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<WeatherFetchError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(WeatherFetchError)
  return e as WeatherFetchError
}

export const paris = {
  geonameId: 2988507,
  name: 'Paris',
  country: 'France',
  countryCode: 'FR',
  admin1: 'Île-de-France',
  admin2: null,
  latitude: 48.85341,
  longitude: 2.3488,
  elevation: 42,
  timezone: 'Europe/Paris',
  population: 2138551
}
export const parisTx = {
  ...paris,
  geonameId: 4717560,
  admin1: 'Texas',
  country: 'United States',
  countryCode: 'US',
  latitude: 33.66094,
  longitude: -95.55551,
  timezone: 'America/Chicago'
}

export function openStore(dir: string): Db {
  return openDatabase(join(dir, 'skyfolio.db'), { migrations })
}

/** A refresher over a real SQLite file, its client pointed at the fixture. */
export function refresherFor(
  db: Db,
  server: FixtureServer,
  clock: ReturnType<typeof fakeClock>,
  options: { batchSize?: number; client?: Partial<ClientOptions> } = {}
) {
  const places = new PlaceRepository(db, clock.now)
  const reports = new ReportRepository(db)
  const { client, events } = clientFor(server, clock, options.client)
  const statuses: { placeId: number; state: string; error: string | null }[] = []
  const connectivity: Connectivity[] = []
  const days = new ForecastDayRepository(db)
  const observations = new ObservationRepository(db)
  const log = memoryLogger()
  const observer = new WeatherObserver({
    client,
    days,
    observations,
    reports,
    now: clock.now,
    log,
    batchSize: options.batchSize
  })
  const refresher = new WeatherRefresher({
    client,
    places,
    reports,
    observer,
    now: clock.now,
    log,
    batchSize: options.batchSize,
    onStatus: (placeId, s) =>
      statuses.push({ placeId, state: s.state, error: s.error?.message ?? null }),
    onConnectivity: (c) => connectivity.push(c)
  })
  return {
    places,
    reports,
    days,
    observations,
    client,
    events,
    refresher,
    statuses,
    connectivity,
    log
  }
}
