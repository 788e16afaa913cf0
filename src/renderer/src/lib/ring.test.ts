import { describe, expect, it } from 'vitest'
import { pushRing, quantile } from './ring'

describe('ring series', () => {
  it('keeps the newest values up to its capacity', () => {
    let s: number[] = []
    for (let i = 1; i <= 5; i++) s = pushRing(s, i, 3)
    expect(s).toEqual([3, 4, 5])
  })

  it('takes quantiles by rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(quantile(values, 0.99)).toBe(99)
    expect(quantile(values, 0.5)).toBe(50)
    expect(quantile([7], 0.99)).toBe(7)
    expect(quantile([], 0.99)).toBe(0)
  })
})
