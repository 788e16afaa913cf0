import { describe, expect, it } from 'vitest'
import { fromUnit, toUnit, unknownLine, weatherLine } from './weather-line'

const known = {
  known: true as const,
  photoId: 1,
  weatherCode: 0,
  condition: 'clear' as const,
  temperature: 23.6,
  windSpeed: 9,
  windWords: 'light breeze',
  precipitation: 0,
  localTime: '14:00',
  localDate: '2024-07-14',
  timezone: 'Europe/Paris'
}

describe('the lightbox weather line', () => {
  it('reads condition, temperature, wind and local time', () => {
    expect(weatherLine(known, 'celsius')).toBe('Clear sky · 24 °C · light breeze · 14:00 local')
    expect(weatherLine(known, 'fahrenheit')).toBe('Clear sky · 74 °F · light breeze · 14:00 local')
  })
  it('leaves out what is not known', () => {
    expect(
      weatherLine({ ...known, weatherCode: null, temperature: null, windWords: null }, 'celsius')
    ).toBe('14:00 local')
  })
  it('says why the weather is unknown', () => {
    expect(unknownLine('Weather unknown: its capture date is in the future.')).toBe(
      'Weather unknown — its capture date is in the future.'
    )
    expect(unknownLine('Something else')).toBe('Something else')
  })
  it('converts filter temperatures both ways', () => {
    expect(toUnit(20, 'fahrenheit')).toBe(68)
    expect(fromUnit(68, 'fahrenheit')).toBe(20)
    expect(fromUnit(-3, 'celsius')).toBe(-3)
  })
})
