import { describe, expect, it } from 'vitest'
import { CallBudget } from './call-budget'

describe('the call budget', () => {
  it('counts calls by weight and holds a call that would pass the per-minute limit', async () => {
    let now = 1_000_000
    const slept: number[] = []
    const budget = new CallBudget(
      () => now,
      async (ms) => {
        slept.push(ms)
        now += ms
      },
      65_000,
      { minute: 10, hour: 100, day: 1000 }
    )
    await budget.take(6)
    await budget.take(4)
    expect(slept).toHaveLength(0)
    await budget.take(1)
    expect(slept).toHaveLength(1)
    expect(budget.used(60_000)).toBe(1)
    // A wait longer than allowed fails as rate limited, with when to ask again.
    const hourly = new CallBudget(
      () => now,
      async () => undefined,
      65_000,
      { minute: 100, hour: 5, day: 1000 }
    )
    await hourly.take(5)
    await expect(hourly.take(1)).rejects.toMatchObject({ kind: 'rate_limited' })
  })
})
