import { z } from 'zod'

const fields = {
  theme: z.enum(['system', 'light', 'dark']),
  temperatureUnit: z.enum(['celsius', 'fahrenheit']),
  windSpeedUnit: z.enum(['kmh', 'mph', 'ms']),
  precipitationUnit: z.enum(['mm', 'inch']),
  /** 12- or 24-hour clock; 'auto' follows the locale. */
  hourCycle: z.enum(['auto', 'h12', 'h23']),
  /** Minutes between automatic refreshes; the free service asks for restraint. */
  refreshIntervalMin: z
    .number()
    .int()
    .min(10)
    .max(24 * 60),
  /** null keeps every report forever. */
  reportRetentionDays: z.number().int().min(1).max(3650).nullable(),
  /** Empty means the real Open-Meteo endpoints. */
  weatherBaseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** null means one worker per core. */
  importWorkers: z.number().int().min(1).max(64).nullable(),
  /** Photo weather: off until the user agrees to send rounded places and dates to Open-Meteo. */
  photoWeather: z.boolean(),
  /** The user answered the photo-weather prompt "Not now": it stays folded away. */
  photoWeatherNotNow: z.boolean()
}

/** User settings, persisted in SQLite, one row per key. */
export const settingsSchema = z.object(fields)
export type Settings = z.infer<typeof settingsSchema>
export type SettingKey = keyof Settings

/** A patch names only the keys it changes; no defaults are filled in. */
export const settingsPatchSchema = z.object(fields).partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const defaultSettings: Settings = {
  theme: 'system',
  temperatureUnit: 'celsius',
  windSpeedUnit: 'kmh',
  precipitationUnit: 'mm',
  hourCycle: 'auto',
  refreshIntervalMin: 30,
  reportRetentionDays: null,
  weatherBaseUrl: '',
  importWorkers: null,
  photoWeather: false,
  photoWeatherNotNow: false
}

/** Reads one stored value; a value that no longer fits its schema falls back to the default. */
export function parseSetting<K extends SettingKey>(key: K, raw: unknown): Settings[K] {
  const parsed = fields[key].safeParse(raw)
  return parsed.success ? (parsed.data as Settings[K]) : defaultSettings[key]
}

export const settingKeys = Object.keys(fields) as SettingKey[]
