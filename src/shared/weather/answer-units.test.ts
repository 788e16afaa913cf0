import { describe, expect, it } from 'vitest'
import { answerUnit, windSpeed, temperature, precipitation } from './units'
import type { Quantity } from './variables'

const read = (q: Quantity, label: string, v: number): number | null => {
  const unit = answerUnit(q, label)
  return unit ? unit.toStored(v) : null
}

describe('reading the units an answer names', () => {
  it('converts the alternatives Open-Meteo offers into °C, km/h and mm', () => {
    expect(read('temperature', '°F', 212)).toBeCloseTo(100, 10)
    expect(read('temperature', '°F', -40)).toBeCloseTo(-40, 10)
    expect(read('windSpeed', 'mph', 10)).toBeCloseTo(16.09344, 10)
    expect(read('windSpeed', 'mp/h', 10)).toBeCloseTo(16.09344, 10)
    expect(read('windSpeed', 'm/s', 10)).toBeCloseTo(36, 10)
    expect(read('windSpeed', 'kn', 10)).toBeCloseTo(18.52, 10)
    expect(read('precipitation', 'inch', 1)).toBeCloseTo(25.4, 10)
  })

  it('is the inverse of the display conversion', () => {
    expect(read('temperature', '°F', temperature(21.5, 'fahrenheit'))).toBeCloseTo(21.5, 10)
    expect(read('windSpeed', 'mph', windSpeed(33, 'mph'))).toBeCloseTo(33, 10)
    expect(read('windSpeed', 'm/s', windSpeed(33, 'ms'))).toBeCloseTo(33, 10)
    expect(read('precipitation', 'inch', precipitation(4.2, 'inch'))).toBeCloseTo(4.2, 10)
  })

  it('marks the stored unit as needing no conversion', () => {
    expect(answerUnit('temperature', '°C')?.isStored).toBe(true)
    expect(answerUnit('windSpeed', 'km/h')?.isStored).toBe(true)
    expect(answerUnit('precipitation', 'mm')?.isStored).toBe(true)
    expect(answerUnit('temperature', '°F')?.isStored).toBe(false)
  })

  it('compares meaning, not code points: µ (micro) and μ (mu), ℃ and °C', () => {
    expect(answerUnit('concentration', '\u00b5g/m³')?.isStored).toBe(true)
    expect(answerUnit('concentration', '\u03bcg/m³')?.isStored).toBe(true)
    expect(answerUnit('temperature', '\u2103')?.isStored).toBe(true)
  })

  it('knows no other unit, and no unit only where Open-Meteo writes none (the day flag)', () => {
    expect(answerUnit('temperature', 'K')).toBeNull()
    expect(answerUnit('temperature', '')).toBeNull()
    expect(answerUnit('precipitation', 'cm')).toBeNull()
    expect(answerUnit('percent', '°')).toBeNull()
    expect(answerUnit('time', 'iso8601')).toBeNull()
    expect(answerUnit('dayFlag', '')?.isStored).toBe(true)
  })
})
