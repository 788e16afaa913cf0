import { describe, expect, it } from 'vitest'
import type { ForecastLocation } from '@shared/weather/forecast-schema'
import { memoryLogger } from '../../platform/log'
import {
  clientFor,
  failure,
  fakeClock,
  paris,
  parisTx,
  useFixture
} from '../../../../test/support/weather-test-kit'
import { NOT_UNDERSTOOD } from './weather-errors'
import { forecastUrl } from './weather-urls'

// Answers are checked, not trusted: units against what was asked, shape against the contract.
const START = Date.UTC(2025, 5, 1, 12, 0, 30)
const fixture = useFixture()

/** Largest difference between two series of the same length (nulls must line up). */
function maxGap(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  expect(a).toHaveLength(b.length)
  let gap = 0
  a.forEach((x, i) => {
    const y = b[i]
    expect(x === null).toBe(y === null)
    if (x !== null && y !== null && y !== undefined) gap = Math.max(gap, Math.abs(x - y))
  })
  return gap
}

async function metricAndImperial(): Promise<[ForecastLocation, ForecastLocation, string[]]> {
  const server = await fixture()
  const log = memoryLogger()
  const { client, events } = clientFor(server, fakeClock(START), { log })
  const [metric] = await client.forecast([paris])
  server.inject('forecast', { kind: 'imperial' })
  const [imperial] = await client.forecast([paris])
  expect(server.stats().requests.forecast).toBe(2)
  expect(events.filter((e) => e.type === 'retry')).toEqual([])
  return [metric!, imperial!, log.lines]
}

describe('units of an answer', () => {
  it('asks Open-Meteo for °C, km/h and mm in every forecast request', () => {
    const params = new URL(forecastUrl('http://127.0.0.1:1', [paris])).searchParams
    expect(params.get('temperature_unit')).toBe('celsius')
    expect(params.get('wind_speed_unit')).toBe('kmh')
    expect(params.get('precipitation_unit')).toBe('mm')
  })

  it('reads an answer in °F, mph and inch as the °C, km/h and mm it stores', async () => {
    const [metric, imperial, log] = await metricAndImperial()
    // The fixture rounds °F and mph to 0.1 and inch to 0.001, as the service does.
    expect(maxGap(imperial.hourly.temperature_2m, metric.hourly.temperature_2m)).toBeLessThan(0.06)
    expect(maxGap(imperial.daily.temperature_2m_max, metric.daily.temperature_2m_max)).toBeLessThan(
      0.06
    )
    expect(imperial.current?.temperature_2m).toBeCloseTo(metric.current!.temperature_2m!, 1)
    expect(imperial.current?.apparent_temperature).toBeCloseTo(
      metric.current!.apparent_temperature!,
      1
    )
    expect(maxGap(imperial.hourly.wind_speed_10m, metric.hourly.wind_speed_10m)).toBeLessThan(0.1)
    expect(imperial.current?.wind_gusts_10m).toBeCloseTo(metric.current!.wind_gusts_10m!, 0)
    expect(maxGap(imperial.daily.precipitation_sum, metric.daily.precipitation_sum)).toBeLessThan(
      0.02
    )
    // Quantities without a unit choice pass through untouched.
    expect(imperial.hourly.relative_humidity_2m).toEqual(metric.hourly.relative_humidity_2m)
    expect(imperial.hourly.time).toEqual(metric.hourly.time)
    expect(log.some((l) => l.includes('converted') && l.includes('°F'))).toBe(true)
  })

  it.each([
    ['temperature_2m', 'K', 'its temperatures came in “K”, a unit Skyfolio does not know.'],
    ['wind_speed_10m', 'furlong/fortnight', 'its wind speeds came in “furlong/fortnight”'],
    ['precipitation', 'cm', 'its precipitation amounts came in “cm”'],
    ['relative_humidity_2m', '‰', 'its humidity and chances of rain came in “‰”'],
    ['time', 'iso8601', 'its times came in “iso8601”'],
    ['wind_speed_10m', null, 'it did not say which unit its wind speeds are in.'],
    ['temperature_2m', '', 'it did not say which unit its temperatures are in.']
  ] as const)(
    'refuses a forecast whose %s unit is %j, at once and in words',
    async (key, label, words) => {
      const server = await fixture()
      server.inject('forecast', { kind: 'unit-labels', labels: { [key]: label } }, 4)
      const log = memoryLogger()
      const { client } = clientFor(server, fakeClock(START), { log })
      const e = await failure(client.forecast([paris, parisTx]))
      expect(e.code).toBe('invalid_response')
      expect(e.message.startsWith(`${NOT_UNDERSTOOD} (forecast): `)).toBe(true)
      expect(e.message).toContain(words)
      // Asking again gets the same answer: one request, no retry.
      expect(e.attempts).toBe(1)
      expect(server.stats().requests.forecast).toBe(1)
      expect(log.lines.some((l) => l.includes(`_units.${key}`))).toBe(true)
    }
  )

  it('refuses an air-quality answer whose particle readings are in an unknown unit', async () => {
    const server = await fixture()
    server.inject('air-quality', { kind: 'unit-labels', labels: { pm2_5: 'ppm' } })
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.airQuality([paris]))
    expect(e.message).toContain(NOT_UNDERSTOOD)
    expect(e.message).toContain('particle readings came in “ppm”')
    expect(e.attempts).toBe(1)
  })

  it('takes the micro sign for μ in μg/m³ (a look-alike, not another unit)', async () => {
    const server = await fixture()
    server.inject('air-quality', { kind: 'unit-labels', labels: { pm10: '\u00b5g/m³' } })
    const { client } = clientFor(server, fakeClock(START))
    const [air] = await client.airQuality([paris])
    expect(air?.hourly.pm10.length).toBeGreaterThan(0)
  })
})

describe('an answer of the wrong shape', () => {
  it('fails a forecast at once, tells the user in plain words and logs the details', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'wrong-shape' }, 4)
    const log = memoryLogger()
    const { client, events } = clientFor(server, fakeClock(START), { log })
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('invalid_response')
    expect(e.message).toBe(`${NOT_UNDERSTOOD} (forecast). The details are in the log.`)
    expect(e.message).not.toMatch(/expected|received|invalid|hourly|undefined/i)
    expect(e.attempts).toBe(1)
    expect(server.stats().requests.forecast).toBe(1)
    expect(events.filter((ev) => ev.type === 'retry')).toEqual([])
    // The validator's findings are kept, in the log.
    const line = log.lines.find((l) => l.includes('does not match'))
    expect(line).toContain('hourly')
    expect(line).toMatch(/expected/i)
  })

  it('fails a place search at once the same way', async () => {
    const server = await fixture()
    server.inject('geocoding', { kind: 'wrong-shape' }, 4)
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.search('Paris', 10))
    expect(e.message).toBe(`${NOT_UNDERSTOOD} (place search). The details are in the log.`)
    expect(e.attempts).toBe(1)
    expect(server.stats().requests.geocoding).toBe(1)
  })

  it('still retries an answer that broke off, which is a network fault', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'truncated' })
    const { client } = clientFor(server, fakeClock(START))
    expect(await client.forecast([paris])).toHaveLength(1)
    expect(server.stats().requests.forecast).toBe(2)
  })
})
