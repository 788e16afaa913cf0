import type { PhotoWeather } from '@shared/contract/photo-weather'
import { formatTemperature, type TemperatureUnit } from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'

type Known = Extract<PhotoWeather, { known: true }>

/** "Clear sky · 24 °C · light breeze · 14:00 local": the parts that are known, in order. */
export function weatherLine(w: Known, unit: TemperatureUnit): string {
  const parts = [
    w.weatherCode === null ? null : condition(w.weatherCode).words,
    w.temperature === null
      ? null
      : `${formatTemperature(w.temperature, unit).replace('°', ' ')}${unit === 'fahrenheit' ? '°F' : '°C'}`,
    w.windWords,
    `${w.localTime} local`
  ]
  return parts.filter((p): p is string => Boolean(p)).join(' · ')
}

/** "Weather unknown — <reason>", from main's sentence ("Weather unknown: …"). */
export function unknownLine(words: string): string {
  const reason = words.replace(/^Weather unknown:\s*/i, '')
  return reason === words ? words : `Weather unknown — ${reason}`
}

/** °C in the user's unit for an input, and back. */
export const toUnit = (c: number, unit: TemperatureUnit): number =>
  unit === 'fahrenheit' ? Math.round(c * 1.8 + 32) : c
export const fromUnit = (v: number, unit: TemperatureUnit): number =>
  unit === 'fahrenheit' ? Math.round(((v - 32) / 1.8) * 10) / 10 : v
