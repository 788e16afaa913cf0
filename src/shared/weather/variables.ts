/**
 * The Open-Meteo variables Skyfolio asks for. Shared by the client (query), the schemas
 * (validation) and the fixture server (answers), so the three never drift apart.
 */
export const currentVars = [
  'temperature_2m',
  'apparent_temperature',
  'relative_humidity_2m',
  'is_day',
  'precipitation',
  'weather_code',
  'wind_speed_10m',
  'wind_direction_10m',
  'wind_gusts_10m'
] as const

export const hourlyVars = [
  'temperature_2m',
  'apparent_temperature',
  'relative_humidity_2m',
  'precipitation_probability',
  'precipitation',
  'weather_code',
  'wind_speed_10m',
  'wind_direction_10m',
  'is_day'
] as const

export const dailyVars = [
  'weather_code',
  'temperature_2m_max',
  'temperature_2m_min',
  'sunrise',
  'sunset',
  'precipitation_sum',
  'precipitation_probability_max',
  'wind_speed_10m_max',
  'wind_direction_10m_dominant'
] as const

export const airCurrentVars = ['european_aqi', 'us_aqi', 'pm10', 'pm2_5'] as const
export const airHourlyVars = ['european_aqi', 'pm2_5', 'pm10'] as const

export const FORECAST_DAYS = 7
export const AIR_FORECAST_DAYS = 2

/** Reports are always fetched in metric and converted for display, so any two compare. */
export const storedUnits = {
  temperature: 'celsius',
  windSpeed: 'kmh',
  precipitation: 'mm'
} as const

export type CurrentVar = (typeof currentVars)[number]
export type HourlyVar = (typeof hourlyVars)[number]
export type DailyVar = (typeof dailyVars)[number]
export type AirCurrentVar = (typeof airCurrentVars)[number]
export type AirHourlyVar = (typeof airHourlyVars)[number]
