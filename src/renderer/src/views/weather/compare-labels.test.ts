import { describe, expect, it } from 'vitest'
import { compareLabels, versus } from './compare-labels'

const places = new Map([
  [1, { name: 'Sydney', admin1: 'New South Wales', country: 'Australia' }],
  [2, { name: 'Anchorage', admin1: 'Alaska', country: 'United States' }],
  [3, { name: 'Paris', admin1: 'Île-de-France', country: 'France' }],
  [4, { name: 'Paris', admin1: 'Texas', country: 'United States' }]
])
const sydney = { timezone: 'Australia/Sydney', utcOffsetSeconds: 39_600 }
const fr = { timezone: 'Europe/Paris', utcOffsetSeconds: 3600 }
// 2026-12-02 08:00 and 14:00 in Sydney (UTC+11).
const at8 = Date.UTC(2026, 11, 1, 21, 0)
const at14 = Date.UTC(2026, 11, 2, 3, 0)
const h23 = { hourCycle: 'h23' as const, locale: 'en-GB' }

describe('compareLabels', () => {
  it('names two places by their names', () => {
    const labels = compareLabels(
      { placeId: 1, fetchedAt: at8 },
      { placeId: 2, fetchedAt: at8 },
      places,
      h23
    )
    expect(versus(labels)).toBe('Sydney vs Anchorage')
  })

  it('adds the region when two places share a name', () => {
    expect(
      compareLabels({ placeId: 3, fetchedAt: at8 }, { placeId: 4, fetchedAt: at8 }, places)
    ).toEqual(['Paris, Île-de-France', 'Paris, Texas'])
  })

  it('tells one place’s reports apart by their fetch times on the given clock', () => {
    // On a Paris user's clock, as the History list tells them: 22:00 and 04:00.
    const [a, b] = compareLabels(
      { placeId: 1, fetchedAt: at8 },
      { placeId: 1, fetchedAt: at14 },
      places,
      h23,
      fr
    )
    expect(a).toMatch(/^Sydney Tue 1 Dec,? 22:00$/)
    expect(b).toMatch(/^Sydney Wed 2 Dec,? 04:00$/)
  })

  it("tells one place's reports apart by their fetch times", () => {
    const labels = compareLabels(
      { placeId: 1, fetchedAt: at8 },
      { placeId: 1, fetchedAt: at14 },
      places,
      h23,
      sydney
    )
    expect(versus(labels)).toBe('Sydney 08:00 vs Sydney 14:00')
  })

  it('adds the day when the two reports are of different days', () => {
    const [a, b] = compareLabels(
      { placeId: 1, fetchedAt: at8 },
      { placeId: 1, fetchedAt: at8 + 86_400_000 },
      places,
      h23,
      sydney
    )
    expect(a).toMatch(/^Sydney Wed 2 Dec,? 08:00$/)
    expect(b).toMatch(/^Sydney Thu 3 Dec,? 08:00$/)
  })

  it('reads two fetches of one minute to the second', () => {
    const labels = compareLabels(
      { placeId: 1, fetchedAt: at8 + 5_000 },
      { placeId: 1, fetchedAt: at8 + 47_000 },
      places,
      h23,
      sydney
    )
    expect(versus(labels)).toBe('Sydney 08:00:05 vs Sydney 08:00:47')
  })

  it('never gives the two the same name', () => {
    const r = { placeId: 1, fetchedAt: at8 }
    const [a, b] = compareLabels(r, r, places, h23)
    expect(a).not.toBe(b)
  })
})
