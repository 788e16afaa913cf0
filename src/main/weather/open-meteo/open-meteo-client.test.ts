import { describe, expect, it } from 'vitest'
import {
  clientFor,
  failure,
  fakeClock,
  paris,
  parisTx,
  useFixture
} from '../../../../test/support/weather-test-kit'

// 12:00:30 UTC: the next minute starts in 30 s, the next hour in 59.5 min.
const START = Date.UTC(2025, 5, 1, 12, 0, 30)
const fixture = useFixture()

describe('OpenMeteoClient against the fixture server', () => {
  it('asks for several places in one request and answers them in order', async () => {
    const server = await fixture()
    const { client } = clientFor(server, fakeClock(START))
    const list = await client.forecast([paris, parisTx])
    expect(list.map((l) => l.timezone)).toEqual(['Europe/Paris', 'America/Chicago'])
    expect(server.stats().requests.forecast).toBe(1)
    expect(server.stats().locations).toBe(2)
    for (const l of list) expect(l.hourly.temperature_2m).toHaveLength(l.hourly.time.length)
  })

  it('retries a timeout and succeeds on the next attempt', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'timeout' })
    const clock = fakeClock(START)
    const { client, events } = clientFor(server, clock)
    const [place] = await client.forecast([paris])
    expect(place?.timezone).toBe('Europe/Paris')
    expect(server.stats().requests.forecast).toBe(2)
    expect(
      events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.kind)
    ).toEqual(['timeout'])
    expect(clock.sleeps).toHaveLength(1)
  })

  it('gives up after four timeouts with a timeout error', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'timeout' }, 4)
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('timeout')
    expect(e.attempts).toBe(4)
    expect(server.stats().requests.forecast).toBe(4)
  })

  it('backs off with full jitter below the exponential ceiling, then reports upstream', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'status', status: 503 }, 4)
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock, { random: () => 0.999 })
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('upstream')
    expect(e.attempts).toBe(4)
    // Ceilings 500, 1000, 2000 ms: with random ≈ 1 each delay sits just under its ceiling.
    expect(clock.sleeps).toEqual([499, 999, 1998])
  })

  it('honours Retry-After on a 503', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'status', status: 503, retryAfter: 7 })
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock)
    await client.forecast([paris])
    expect(clock.sleeps).toEqual([7000])
    expect(server.stats().requests.forecast).toBe(2)
  })

  it('never retries a 500', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'status', status: 500 })
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('upstream')
    expect(e.attempts).toBe(1)
    expect(server.stats().requests.forecast).toBe(1)
  })

  it('never retries a 400 and shows its reason', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'bad-request', reason: 'Latitude must be in range' })
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.kind).toBe('rejected')
    expect(e.attempts).toBe(1)
    expect(e.message).toContain('Latitude must be in range')
    expect(server.stats().requests.forecast).toBe(1)
  })

  it('pauses the host until the next minute on a minutely 429, then carries on', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'rate-limit', window: 'minutely' })
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock)
    await client.forecast([paris])
    expect(clock.sleeps).toEqual([30_000])
    expect(server.stats().http429).toBe(1)
    expect(server.stats().requests.forecast).toBe(2)
  })

  it('stops asking until the next hour on an hourly 429, without calling the server again', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'rate-limit', window: 'hourly' })
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock)
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('rate_limited')
    expect(e.details.pausedUntil).toBe(Date.UTC(2025, 5, 1, 13))
    expect(client.pausedUntil('forecast')).toBe(Date.UTC(2025, 5, 1, 13))
    const again = await failure(client.forecast([parisTx]))
    expect(again.code).toBe('rate_limited')
    expect(server.stats().requests.forecast).toBe(1)
    // Other hosts are not held back.
    await client.airQuality([paris])
    // Once the hour turns, requests flow again.
    clock.advance(Date.UTC(2025, 5, 1, 13) - clock.now())
    await client.forecast([paris])
    expect(server.stats().requests.forecast).toBe(2)
  })

  it('pauses until UTC midnight on a daily 429', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'rate-limit', window: 'daily' })
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.details.pausedUntil).toBe(Date.UTC(2025, 5, 2))
    expect(e.attempts).toBe(1)
  })

  it('waits out a concurrency 429 by its Retry-After', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'rate-limit', window: 'concurrent', retryAfter: 1 })
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock)
    await client.forecast([paris])
    expect(clock.sleeps).toEqual([1000])
  })

  it.each([
    ['truncated', 'incomplete or malformed'],
    ['trailing-text', 'broke off mid-stream']
  ] as const)('treats a %s 200 as a retryable invalid answer', async (kind, words) => {
    const server = await fixture()
    server.inject('forecast', { kind }, 4)
    const { client } = clientFor(server, fakeClock(START))
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('invalid_response')
    expect(e.message).toContain(words)
    expect(e.attempts).toBe(4)
  })

  it('reads a slow drip that ends in time, and times out one that does not', async () => {
    const server = await fixture()
    server.inject('forecast', { kind: 'slow-drip', chunkMs: 20, chunks: 5 })
    const { client } = clientFor(server, fakeClock(START), { timeoutMs: 800 })
    expect(await client.forecast([paris])).toHaveLength(1)
    server.inject('forecast', { kind: 'slow-drip', chunkMs: 250, chunks: 10 }, 4)
    const e = await failure(client.forecast([parisTx]))
    expect(e.code).toBe('timeout')
    expect(e.attempts).toBe(4)
  })

  it('answers an empty list when geocoding has no results key', async () => {
    const server = await fixture()
    const { client } = clientFor(server, fakeClock(START))
    expect((await client.search('Paris', 10)).length).toBeGreaterThan(1)
    server.inject('geocoding', { kind: 'empty-search' })
    expect(await client.search('Paris', 10)).toEqual([])
    expect(await client.search('Nowhereville', 10)).toEqual([])
  })

  it('merges identical requests in flight into one', async () => {
    const server = await fixture({ latencyMs: 50 })
    const { client } = clientFor(server, fakeClock(START))
    const [a, b] = await Promise.all([client.forecast([paris]), client.forecast([paris])])
    expect(a).toEqual(b)
    expect(server.stats().requests.forecast).toBe(1)
  })

  it('keeps a merged request alive while one caller remains, and cancels it when none do', async () => {
    const server = await fixture({ latencyMs: 80 })
    const { client } = clientFor(server, fakeClock(START))
    const first = new AbortController()
    const a = client.forecast([paris], first.signal)
    const b = client.forecast([paris])
    first.abort()
    expect((await failure(a)).code).toBe('cancelled')
    expect(await b).toHaveLength(1)
    const only = new AbortController()
    const c = client.forecast([parisTx], only.signal)
    only.abort()
    expect((await failure(c)).code).toBe('cancelled')
  })

  it('keeps at most two requests per host in flight, so the rule never answers 429', async () => {
    const server = await fixture({ latencyMs: 30 })
    const { client } = clientFor(server, fakeClock(START))
    const points = Array.from({ length: 8 }, (_, i) => ({ latitude: 10 + i, longitude: 20 }))
    await Promise.all([
      ...points.map((p) => client.forecast([p])),
      ...points.map((p) => client.airQuality([p]))
    ])
    expect(server.stats().requests.forecast).toBe(8)
    expect(server.stats().http429).toBe(0)
  })

  it('without the per-host limit the same burst meets 429s', async () => {
    const server = await fixture({ latencyMs: 30 })
    const { client } = clientFor(server, fakeClock(START), { maxInFlight: 100 })
    const points = Array.from({ length: 8 }, (_, i) => ({ latitude: 10 + i, longitude: 20 }))
    await Promise.allSettled(points.map((p) => client.forecast([p])))
    expect(server.stats().http429).toBeGreaterThan(0)
  })

  it('reports an unreachable host as a network error after retries', async () => {
    const server = await fixture()
    const url = server.url
    await server.close()
    const clock = fakeClock(START)
    const { client } = clientFor(server, clock, {
      baseUrls: () => ({ forecast: url, 'air-quality': url, geocoding: url })
    })
    const e = await failure(client.forecast([paris]))
    expect(e.code).toBe('network')
    expect(e.attempts).toBe(4)
  })
})
