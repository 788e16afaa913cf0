import { unitsBlockSchema, type UnitBlocks } from '@shared/weather/forecast-schema'
import { answerUnit } from '@shared/weather/units'
import { quantityOf, type Quantity } from '@shared/weather/variables'
import { contractMismatch } from './weather-errors'

/** What each quantity is called in a message the user reads. */
const words: Record<Quantity, string> = {
  time: 'times',
  seconds: 'update intervals',
  temperature: 'temperatures',
  windSpeed: 'wind speeds',
  precipitation: 'precipitation amounts',
  percent: 'humidity and chances of rain',
  direction: 'wind directions',
  weatherCode: 'weather codes',
  dayFlag: 'day and night marks',
  europeanAqi: 'European air-quality index',
  usAqi: 'US air-quality index',
  concentration: 'particle readings',
  pressure: 'air pressures',
  distance: 'visibility distances',
  uvIndex: 'UV index values',
  duration: 'daylight lengths'
}

// Two decimals: finer than any reading, without float noise (22.277777… °C) in stored reports.
const round2 = (v: number): number => Math.round(v * 100) / 100

type Values = number | null | (number | null)[]

function convert(values: Values, toStored: (v: number) => number): Values {
  const one = (v: number | null): number | null => (v === null ? null : round2(toStored(v)))
  return Array.isArray(values) ? values.map(one) : one(values)
}

/**
 * Checks every `*_units` label of one location against what Skyfolio asked for, and returns
 * the location with its values in the stored units (°C, km/h, mm). Another unit Open-Meteo
 * offers (°F, mph, m/s, kn, inch) is converted: the weather is still true, and refusing it
 * would leave the user without any. A unit that is missing or unknown is refused, since no
 * value can be trusted then. `raw` is the location as received (its units blocks), `parsed`
 * the same location after the shape check.
 */
export function inStoredUnits<T extends object>(
  raw: unknown,
  parsed: T,
  blocks: UnitBlocks,
  label: string
): { location: T; /** The unit labels that were converted from. */ converted: string[] } {
  const received = (raw ?? {}) as Record<string, unknown>
  const location = { ...parsed } as Record<string, unknown>
  const converted: string[] = []
  for (const [block, keys] of Object.entries(blocks)) {
    const data = location[block] as Record<string, Values> | undefined
    // An optional block left out (no `current`) has nothing to check.
    if (data === undefined) continue
    const units = unitsBlockSchema.safeParse(received[`${block}_units`])
    if (!units.success) {
      throw contractMismatch(
        label,
        `${block}_units is missing or not a map of labels`,
        `it did not say which units its ${block} values are in.`
      )
    }
    const next: Record<string, Values> = { ...data }
    for (const key of keys) {
      const quantity = quantityOf[key]
      const given = units.data[key]
      const unit = given === undefined ? null : answerUnit(quantity, given)
      if (!unit || given === undefined) {
        const unsaid = given === undefined || given.trim() === ''
        throw contractMismatch(
          label,
          `${block}_units.${key} is ${given === undefined ? 'missing' : JSON.stringify(given)}`,
          unsaid
            ? `it did not say which unit its ${words[quantity]} are in.`
            : `its ${words[quantity]} came in “${given}”, a unit Skyfolio does not know.`
        )
      }
      if (unit.isStored || next[key] === undefined) continue
      next[key] = convert(next[key], unit.toStored)
      if (!converted.includes(given)) converted.push(given)
    }
    location[block] = next
  }
  return { location: location as T, converted }
}
