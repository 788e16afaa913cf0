import { useId } from 'react'
import {
  weatherConditions,
  type PhotoWeatherFilter,
  type WeatherCondition
} from '@shared/contract/photo-weather'
import { useSettings } from '../../hooks/use-settings'
import { WeatherIcon } from '../weather/WeatherIcon'
import { fromUnit, toUnit } from './weather-line'
import styles from './WeatherFilter.module.css'

/** Each group's words and a WMO code that draws its icon. */
const groups: Record<WeatherCondition, { words: string; code: number }> = {
  clear: { words: 'Clear', code: 0 },
  cloudy: { words: 'Cloudy', code: 3 },
  fog: { words: 'Fog', code: 45 },
  rain: { words: 'Rain', code: 63 },
  snow: { words: 'Snow', code: 73 },
  thunderstorm: { words: 'Thunderstorm', code: 95 }
}

export const isActive = (f: PhotoWeatherFilter): boolean =>
  (f.conditions?.length ?? 0) > 0 ||
  f.minTemperature !== undefined ||
  f.maxTemperature !== undefined

/** Conditions and a temperature range (in the user's unit; the filter is in °C). */
export function WeatherFilter({
  filter,
  onChange
}: {
  filter: PhotoWeatherFilter
  onChange(f: PhotoWeatherFilter): void
}) {
  const unit = useSettings().settings.temperatureUnit
  const symbol = unit === 'fahrenheit' ? '°F' : '°C'
  const ids = { min: useId(), max: useId() }
  const picked = filter.conditions ?? []

  const toggle = (c: WeatherCondition): void => {
    const next = picked.includes(c) ? picked.filter((x) => x !== c) : [...picked, c]
    onChange({ ...filter, conditions: next.length ? next : undefined })
  }
  const bound = (key: 'minTemperature' | 'maxTemperature', value: string): void => {
    const v = value.trim() === '' ? undefined : Number(value)
    const c = v === undefined || !Number.isFinite(v) ? undefined : fromUnit(v, unit)
    onChange({ ...filter, [key]: c === undefined ? undefined : Math.max(-100, Math.min(100, c)) })
  }
  const shown = (c: number | undefined): string => (c === undefined ? '' : String(toUnit(c, unit)))

  return (
    <div className={styles.filter} role="group" aria-label="Filter by weather">
      <span className={styles.title}>Weather</span>
      {weatherConditions.map((c) => (
        <button
          key={c}
          type="button"
          className={styles.chip}
          aria-pressed={picked.includes(c)}
          onClick={() => toggle(c)}
        >
          <WeatherIcon code={groups[c].code} size={18} />
          {groups[c].words}
        </button>
      ))}
      <span className={styles.range}>
        <label htmlFor={ids.min}>From</label>
        <input
          id={ids.min}
          type="number"
          inputMode="numeric"
          placeholder="any"
          aria-label={`Lowest temperature, ${symbol}`}
          value={shown(filter.minTemperature)}
          onChange={(e) => bound('minTemperature', e.target.value)}
        />
        <label htmlFor={ids.max}>to</label>
        <input
          id={ids.max}
          type="number"
          inputMode="numeric"
          placeholder="any"
          aria-label={`Highest temperature, ${symbol}`}
          value={shown(filter.maxTemperature)}
          onChange={(e) => bound('maxTemperature', e.target.value)}
        />
        <span>{symbol}</span>
      </span>
      {isActive(filter) && (
        <button type="button" onClick={() => onChange({})}>
          Clear weather filter
        </button>
      )}
    </div>
  )
}
