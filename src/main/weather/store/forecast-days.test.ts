import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forecastFor } from '../../../../fixtures/open-meteo/synth-weather'
import { dailyVars, hourlyVars } from '@shared/weather/variables'
import { settingsMigrations } from '../../platform/store/migration'
import { openDatabase } from '../../platform/store/database'
import { useTempDir } from '../../../../test/support/temp-dir'
import {
  fakeClock,
  openStore,
  paris,
  refresherFor,
  useFixture
} from '../../../../test/support/weather-test-kit'
import { ForecastDayRepository } from './forecast-day-repository'
import { PlaceRepository } from './place-repository'
import { weatherMigrations } from './weather-migrations'

const tempDir = useTempDir()
const fixture = useFixture()
const DAY = 86_400_000
const FETCHED = Date.UTC(2025, 5, 1, 9, 30)

describe('what each report predicted per day, in SQLite', () => {
  it('is filled in from the reports already stored when the app updates', () => {
    const dir = tempDir()
    const file = join(dir, 'skyfolio.db')
    // A store as the previous version left it: weather tables at version 10.
    const before = [...settingsMigrations, ...weatherMigrations.filter((m) => m.version === 10)]
    const old = openDatabase(file, { migrations: before })
    const place = new PlaceRepository(old, () => FETCHED).add(paris)
    // A report stored before the added variables existed (seven days, no UV, no daylight).
    const forecast = forecastFor(paris.latitude, paris.longitude, {
      nowMs: FETCHED,
      current: [],
      hourly: hourlyVars.slice(0, 9),
      daily: dailyVars.slice(0, 9),
      days: 7
    })
    const insert = old.prepare(
      `INSERT INTO weather_reports (place_id, fetched_at, provider, units, timezone,
         utc_offset_seconds, payload, temperature, weather_code, temp_max, temp_min, is_day,
         has_air_quality) VALUES (?, ?, 'open-meteo', '{}', 'Europe/Paris', 7200, ?, NULL, NULL,
         NULL, NULL, 1, 0)`
    )
    insert.run(
      place.id,
      FETCHED,
      JSON.stringify({ forecast, airQuality: null, airQualityError: null })
    )
    // A row damaged on disk does not stop the update.
    insert.run(place.id, FETCHED + 1, '{"forecast": ')
    old.close()

    const db = openStore(dir)
    const days = new ForecastDayRepository(db)
    const trail = days.trail(place.id, '2025-06-03')
    expect(trail).toHaveLength(1)
    const daily = forecast.daily as {
      temperature_2m_max: number[]
      precipitation_probability_max: number[]
    }
    expect(trail[0]).toMatchObject({
      leadDays: 2,
      fetchedAt: FETCHED,
      high: daily.temperature_2m_max[2],
      precipitationProbability: daily.precipitation_probability_max[2]
    })
    expect(days.days(place.id).map((d) => d.date)).toEqual(
      ['07', '06', '05', '04', '03', '02', '01'].map((d) => `2025-06-${d}`)
    )
    db.close()
  })

  it('goes with its report when the retention setting removes it', async () => {
    const clock = fakeClock(FETCHED)
    const server = await fixture({ now: clock.now })
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, clock)
    const a = kit.places.add(paris)
    await kit.refresher.refresh([a.id])
    clock.advance(10 * DAY)
    await kit.refresher.refresh([a.id])
    const count = () =>
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM weather_forecast_days').get()!.n
    expect(count()).toBe(16)
    expect(kit.reports.purgeBefore(clock.now() - 5 * DAY)).toBe(1)
    expect(count()).toBe(8)
    expect(kit.days.trail(a.id, '2025-06-02')).toEqual([])
    // What the days were like stays: it is not part of any report.
    expect(kit.observations.get(a.id, '2025-06-02')).not.toBeNull()
    db.close()
  })
})
