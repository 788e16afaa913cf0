import type { Settings } from '../contract/settings'

export type TemperatureUnit = Settings['temperatureUnit']
export type WindSpeedUnit = Settings['windSpeedUnit']
export type PrecipitationUnit = Settings['precipitationUnit']
export interface Units {
  temperature: TemperatureUnit
  windSpeed: WindSpeedUnit
  precipitation: PrecipitationUnit
}

export const unitsOf = (s: Settings): Units => ({
  temperature: s.temperatureUnit,
  windSpeed: s.windSpeedUnit,
  precipitation: s.precipitationUnit
})

/** Stored values are °C, km/h and mm; these convert for display. */
export const temperature = (c: number, unit: TemperatureUnit): number =>
  unit === 'fahrenheit' ? (c * 9) / 5 + 32 : c

export const windSpeed = (kmh: number, unit: WindSpeedUnit): number =>
  unit === 'mph' ? kmh / 1.609344 : unit === 'ms' ? kmh / 3.6 : kmh

export const precipitation = (mm: number, unit: PrecipitationUnit): number =>
  unit === 'inch' ? mm / 25.4 : mm

export const temperatureSymbol = (u: TemperatureUnit): string => (u === 'fahrenheit' ? '°F' : '°C')
export const windSymbol = (u: WindSpeedUnit): string =>
  u === 'mph' ? 'mph' : u === 'ms' ? 'm/s' : 'km/h'
export const precipitationSymbol = (u: PrecipitationUnit): string => (u === 'inch' ? 'in' : 'mm')

const DASH = '—'

export function formatTemperature(c: number | null | undefined, unit: TemperatureUnit): string {
  if (c === null || c === undefined) return DASH
  return `${Math.round(temperature(c, unit))}°`
}

export function formatWind(kmh: number | null | undefined, unit: WindSpeedUnit): string {
  if (kmh === null || kmh === undefined) return DASH
  const v = windSpeed(kmh, unit)
  return `${unit === 'ms' ? v.toFixed(1) : Math.round(v)} ${windSymbol(unit)}`
}

export function formatPrecipitation(
  mm: number | null | undefined,
  unit: PrecipitationUnit
): string {
  if (mm === null || mm === undefined) return DASH
  const v = precipitation(mm, unit)
  return `${unit === 'inch' ? v.toFixed(2) : v.toFixed(1)} ${precipitationSymbol(unit)}`
}

export function formatPercent(p: number | null | undefined): string {
  return p === null || p === undefined ? DASH : `${Math.round(p)}%`
}

const compass = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']
export function compassPoint(degrees: number | null | undefined): string {
  if (degrees === null || degrees === undefined) return ''
  return compass[Math.round((((degrees % 360) + 360) % 360) / 45) % 8]!
}
