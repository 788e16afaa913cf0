import { describe, expect, it } from 'vitest'
import { linePath, tempAxis } from './weather-chart-scale'

describe('tempAxis', () => {
  it('rounds a degree beyond the data to whole steps, with a tick per step', () => {
    expect(tempAxis([3.2, null, 17.9])).toEqual({ lo: 0, hi: 20, ticks: [0, 5, 10, 15, 20] })
    expect(tempAxis([-6, -1])).toEqual({ lo: -10, hi: 0, ticks: [-10, -5, 0] })
  })
  it('keeps a flat or empty series two steps tall', () => {
    expect(tempAxis([12, 12])).toEqual({ lo: 10, hi: 20, ticks: [10, 15, 20] })
    expect(tempAxis([null])).toEqual({ lo: -5, hi: 15, ticks: [-5, 0, 5, 10, 15] })
  })
})

describe('linePath', () => {
  it('breaks the line at a gap rather than drawing across it', () => {
    expect(
      linePath(
        [1, 2, null, 4],
        (i) => i * 10,
        (v) => v
      )
    ).toBe('M0.0,1.0L10.0,2.0M30.0,4.0')
  })
})
