import { describe, expect, it } from 'vitest'
import { addedDailyVars, addedHourlyVars, FORECAST_DAYS } from '@shared/weather/variables'
import {
  clientFor,
  failure,
  fakeClock,
  paris,
  parisTx,
  useFixture
} from '../../../../test/support/weather-test-kit'
import { NOT_UNDERSTOOD } from './weather-errors'
import { archiveUrl, forecastUrl, openMeteoBaseUrls, resolveBaseUrls } from './weather-urls'

const START = Date.UTC(2025, 5, 20, 9, 30)
const fixture = useFixture()

describe('the fuller forecast', () => {
  it('asks for eight days, the added variables and two hours of 15-minute rain', () => {
    const q = new URL(forecastUrl('http://127.0.0.1:1', [paris])).searchParams
    expect(q.get('forecast_days')).toBe(String(FORECAST_DAYS))
    expect(q.get('minutely_15')).toBe('precipitation')
    expect(q.get('forecast_minutely_15')).toBe('8')
    for (const v of addedHourlyVars) expect(q.get('hourly')?.split(',')).toContain(v)
    for (const v of addedDailyVars) expect(q.get('daily')?.split(',')).toContain(v)
  })

  it('receives every added series, as long as its time axis', async () => {
    const server = await fixture()
    const { client } = clientFor(server, fakeClock(START))
    const [f] = await client.forecast([paris])
    expect(f!.hourly.time).toHaveLength(FORECAST_DAYS * 24)
    for (const v of addedHourlyVars) expect(f!.hourly[v]).toHaveLength(f!.hourly.time.length)
    expect(f!.daily.daylight_duration).toHaveLength(FORECAST_DAYS)
    expect(f!.minutely_15?.time).toHaveLength(8)
    expect(f!.current?.pressure_msl).toBeTypeOf('number')
  })

  it('reads visibility given in feet and dew points in °F back into metres and °C', async () => {
    const server = await fixture()
    const { client } = clientFor(server, fakeClock(START))
    const [metric] = await client.forecast([paris])
    server.inject('forecast', { kind: 'imperial' })
    const [imperial] = await client.forecast([paris])
    imperial!.hourly.visibility!.forEach((v, i) =>
      expect(Math.abs(v! - metric!.hourly.visibility![i]!)).toBeLessThan(0.1)
    )
    imperial!.hourly.dew_point_2m!.forEach((v, i) =>
      expect(Math.abs(v! - metric!.hourly.dew_point_2m![i]!)).toBeLessThan(0.06)
    )
    expect(imperial!.hourly.pressure_msl).toEqual(metric!.hourly.pressure_msl)
  })

  it.each([
    ['pressure_msl', 'inHg', 'its air pressures came in “inHg”, a unit Skyfolio does not know.'],
    ['visibility', 'km', 'its visibility distances came in “km”, a unit Skyfolio does not know.'],
    ['daylight_duration', 'h', 'its daylight lengths came in “h”, a unit Skyfolio does not know.'],
    ['uv_index', null, 'it did not say which unit its UV index values are in.']
  ] as const)('refuses an added %s in %j, at once and in words', async (key, label, words) => {
    const server = await fixture()
    server.inject('forecast', { kind: 'unit-labels', labels: { [key]: label } }, 4)
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.message).toBe(`${NOT_UNDERSTOOD} (forecast): ${words}`)
    expect(e.attempts).toBe(1)
  })
})

describe('past days from Open-Meteo', () => {
  it('asks the archive host for older days; one override base serves every path', () => {
    expect(resolveBaseUrls('', undefined).archive).toBe('https://archive-api.open-meteo.com')
    expect(openMeteoBaseUrls.archive).toBe('https://archive-api.open-meteo.com')
    expect(resolveBaseUrls('http://127.0.0.1:9', undefined).archive).toBe('http://127.0.0.1:9')
    const q = new URL(archiveUrl('http://h', [paris, parisTx], '2025-06-01', '2025-06-03'))
    expect(q.pathname).toBe('/v1/archive')
    expect(q.searchParams.get('start_date')).toBe('2025-06-01')
    expect(q.searchParams.get('daily')).toBe(
      'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum'
    )
  })

  it('reads recent days (past_days) and archived days for several places in one request each', async () => {
    const server = await fixture({ now: () => START })
    const { client } = clientFor(server, fakeClock(START), { timeoutMs: 15_000 })
    const recent = await client.recentDays([paris, parisTx], 3)
    expect(recent.map((r) => r.daily.time.length)).toEqual([4, 4])
    const old = await client.archive([paris, parisTx], '2025-06-01', '2025-06-10')
    expect(old.map((r) => r.timezone)).toEqual(['Europe/Paris', 'America/Chicago'])
    expect(old[0]!.daily.temperature_2m_max).toHaveLength(10)
    expect(server.stats().requests).toMatchObject({ forecast: 1, archive: 1 })
  })

  it('fails an archive request the service refuses with its reason, without retrying', async () => {
    const server = await fixture({ now: () => START })
    const { client } = clientFor(server, fakeClock(START), { timeoutMs: 15_000 })
    const e = await failure(client.archive([paris], '2025-06-10', '2025-06-01'))
    expect(e.kind).toBe('rejected')
    expect(e.message).toContain('Open-Meteo refused the past weather request (HTTP 400)')
    expect(server.stats().requests.archive).toBe(1)
  })
})
