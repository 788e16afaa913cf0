import { describe, expect, it } from 'vitest'
import { answerUnit } from './units'
import {
  currentVars,
  dailyVars,
  hourlyVars,
  minutelyVars,
  observedDailyVars,
  quantityOf
} from './variables'

describe('units of the fuller forecast', () => {
  it('reads pressure in hPa, visibility in metres or feet, UV as a plain number, daylight in s', () => {
    expect(answerUnit('pressure', 'hPa')?.isStored).toBe(true)
    expect(answerUnit('distance', 'm')?.isStored).toBe(true)
    expect(answerUnit('distance', 'ft')?.toStored(1000)).toBeCloseTo(304.8, 10)
    expect(answerUnit('uvIndex', '')?.isStored).toBe(true)
    expect(answerUnit('duration', 's')?.isStored).toBe(true)
  })

  it('knows no other unit for them', () => {
    expect(answerUnit('pressure', 'inHg')).toBeNull()
    expect(answerUnit('pressure', 'Pa')).toBeNull()
    expect(answerUnit('distance', 'km')).toBeNull()
    expect(answerUnit('uvIndex', 'W/m²')).toBeNull()
    expect(answerUnit('duration', 'h')).toBeNull()
  })

  it('has a checked quantity for every variable Skyfolio asks for', () => {
    const asked = [
      ...currentVars,
      ...hourlyVars,
      ...dailyVars,
      ...minutelyVars,
      ...observedDailyVars
    ]
    for (const v of asked) expect(quantityOf[v], v).toBeTypeOf('string')
  })
})
