import type { Settings } from '../contract/settings'
import type { Quantity } from './variables'

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

/** Reads a value given in a unit Open-Meteo names into the stored unit. */
export interface AnswerUnit {
  /** The value in the stored unit (°C, km/h, mm); the identity when it already is. */
  readonly toStored: (v: number) => number
  readonly isStored: boolean
}

const same = (v: number): number => v
const scale =
  (factor: number) =>
  (v: number): number =>
    v * factor

/**
 * The unit labels Open-Meteo writes in its `*_units` blocks, per quantity. Other than the
 * stored unit, only the alternatives the service itself offers are read (and converted): an
 * answer in them is still true weather, just not what was asked.
 */
const answerUnitTable: Readonly<Record<Quantity, Readonly<Record<string, (v: number) => number>>>> =
  {
    time: { unixtime: same },
    seconds: { seconds: same },
    temperature: { '°C': same, '°F': (f) => ((f - 32) * 5) / 9 },
    // The service has written both "mph" and "mp/h".
    windSpeed: {
      'km/h': same,
      mph: scale(1.609344),
      'mp/h': scale(1.609344),
      'm/s': scale(3.6),
      kn: scale(1.852)
    },
    precipitation: { mm: same, inch: scale(25.4) },
    percent: { '%': same },
    direction: { '°': same },
    weatherCode: { 'wmo code': same },
    // Open-Meteo labels the 0/1 day flag with an empty unit.
    dayFlag: { '': same },
    europeanAqi: { EAQI: same },
    usAqi: { USAQI: same },
    concentration: { 'μg/m³': same },
    pressure: { hPa: same },
    // Asked in mm, the service gives visibility in metres; asked in inch, in feet.
    distance: { m: same, ft: scale(0.3048) },
    // The UV index is a plain number: Open-Meteo labels it with an empty unit.
    uvIndex: { '': same },
    duration: { s: same }
  }

// NFKC folds look-alikes (µ micro sign and μ mu, ℃ and °C) so only the meaning is compared.
const labelKey = (label: string): string => label.normalize('NFKC').trim()

const answerUnits = new Map(
  Object.entries(answerUnitTable).map(([quantity, labels]) => [
    quantity as Quantity,
    new Map(
      Object.entries(labels).map(([label, toStored]): [string, AnswerUnit] => [
        labelKey(label),
        { toStored, isStored: toStored === same }
      ])
    )
  ])
)

/** How to read a `quantity` given in `label` into the stored unit; null for a unit not known. */
export function answerUnit(quantity: Quantity, label: string): AnswerUnit | null {
  return answerUnits.get(quantity)?.get(labelKey(label)) ?? null
}

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
