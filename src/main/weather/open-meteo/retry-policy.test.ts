import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
  rateWindowOf,
  windowEnd
} from './retry-policy'
import { duePlaces } from '../refresh-scheduler'

describe('retry policy', () => {
  it('draws full-jitter delays under a doubling, capped ceiling', () => {
    const p = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 }
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(p, a, () => 0.9999))).toEqual([
      99, 199, 399, 799, 999
    ])
    expect(backoffDelay(p, 3, () => 0)).toBe(0)
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter(new Date(65_000).toUTCString(), 5_000)).toBe(60_000)
    expect(parseRetryAfter('soon', 0)).toBeNull()
    expect(parseRetryAfter(null, 0)).toBeNull()
  })

  it('maps each 429 reason to the window it names', () => {
    expect(
      rateWindowOf('Minutely API request limit exceeded. Please try again in one minute.')
    ).toBe('minute')
    expect(
      rateWindowOf('Hourly API request limit exceeded. Please try again in the next hour.')
    ).toBe('hour')
    expect(rateWindowOf('Daily API request limit exceeded. Please try again tomorrow.')).toBe('day')
    expect(rateWindowOf('Too many concurrent requests')).toBeNull()
    const t = Date.UTC(2025, 5, 1, 23, 59, 10)
    expect(windowEnd('minute', t)).toBe(Date.UTC(2025, 5, 2, 0, 0))
    expect(windowEnd('hour', Date.UTC(2025, 5, 1, 10, 5))).toBe(Date.UTC(2025, 5, 1, 11))
    expect(windowEnd('day', t)).toBe(Date.UTC(2025, 5, 2))
  })

  it('refreshes automatically only places past their interval, failed ones included', () => {
    const now = 100 * 60_000
    const due = duePlaces(
      [
        { id: 1, lastFetchedAt: null, lastAttemptAt: null },
        { id: 2, lastFetchedAt: now - 31 * 60_000, lastAttemptAt: null },
        { id: 3, lastFetchedAt: now - 5 * 60_000, lastAttemptAt: null },
        { id: 4, lastFetchedAt: now - 90 * 60_000, lastAttemptAt: now - 2 * 60_000 }
      ],
      now,
      30
    )
    expect(due).toEqual([1, 2])
  })
})
