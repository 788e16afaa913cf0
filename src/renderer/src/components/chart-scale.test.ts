import { describe, expect, it } from 'vitest'
import { niceMax, tickText, timeTicks } from './chart-scale'

describe('chart scales', () => {
  it('rounds an axis maximum up to 1, 2, 2.5 or 5 of a power of ten', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(17)).toBe(20)
    expect(niceMax(21)).toBe(25)
    expect(niceMax(140)).toBe(200)
  })
  it('labels time back from the right edge, about four ticks across', () => {
    expect(timeTicks(300_000).map((t) => t.label)).toEqual(['now', '−2 min', '−4 min'])
    expect(timeTicks(12_000).map((t) => t.label)).toEqual(['now', '−5 s', '−10 s'])
  })
  it('writes tick values short', () => {
    expect(tickText(12.5)).toBe('12.5')
    expect(tickText(250)).toBe('250')
    expect(tickText(20_000)).toBe('20k')
  })
})
