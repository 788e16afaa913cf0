/** Which picture a WMO weather code gets; the renderer draws each kind. */
export type ConditionIcon =
  | 'clear'
  | 'partly-cloudy'
  | 'cloudy'
  | 'fog'
  | 'drizzle'
  | 'rain'
  | 'freezing-rain'
  | 'snow'
  | 'showers'
  | 'snow-showers'
  | 'thunder'
  | 'unknown'

export interface Condition {
  readonly words: string
  readonly icon: ConditionIcon
}

// WMO 4677 codes as Open-Meteo documents them.
const table: Record<number, Condition> = {
  0: { words: 'Clear sky', icon: 'clear' },
  1: { words: 'Mainly clear', icon: 'clear' },
  2: { words: 'Partly cloudy', icon: 'partly-cloudy' },
  3: { words: 'Overcast', icon: 'cloudy' },
  45: { words: 'Fog', icon: 'fog' },
  48: { words: 'Depositing rime fog', icon: 'fog' },
  51: { words: 'Light drizzle', icon: 'drizzle' },
  53: { words: 'Drizzle', icon: 'drizzle' },
  55: { words: 'Dense drizzle', icon: 'drizzle' },
  56: { words: 'Light freezing drizzle', icon: 'freezing-rain' },
  57: { words: 'Dense freezing drizzle', icon: 'freezing-rain' },
  61: { words: 'Slight rain', icon: 'rain' },
  63: { words: 'Rain', icon: 'rain' },
  65: { words: 'Heavy rain', icon: 'rain' },
  66: { words: 'Light freezing rain', icon: 'freezing-rain' },
  67: { words: 'Heavy freezing rain', icon: 'freezing-rain' },
  71: { words: 'Slight snowfall', icon: 'snow' },
  73: { words: 'Snowfall', icon: 'snow' },
  75: { words: 'Heavy snowfall', icon: 'snow' },
  77: { words: 'Snow grains', icon: 'snow' },
  80: { words: 'Slight rain showers', icon: 'showers' },
  81: { words: 'Rain showers', icon: 'showers' },
  82: { words: 'Violent rain showers', icon: 'showers' },
  85: { words: 'Slight snow showers', icon: 'snow-showers' },
  86: { words: 'Heavy snow showers', icon: 'snow-showers' },
  95: { words: 'Thunderstorm', icon: 'thunder' },
  96: { words: 'Thunderstorm with slight hail', icon: 'thunder' },
  99: { words: 'Thunderstorm with heavy hail', icon: 'thunder' }
}

const unknown: Condition = { words: 'Conditions unknown', icon: 'unknown' }

export function condition(code: number | null | undefined): Condition {
  if (code === null || code === undefined) return unknown
  return table[code] ?? unknown
}

export const wmoCodes = Object.keys(table).map(Number)
