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

/**
 * Reports are always fetched in metric and converted for display, so any two compare. The
 * values are Open-Meteo's own names, so the request states them (`temperature_unit=celsius`…).
 */
export const storedUnits = {
  temperature: 'celsius',
  windSpeed: 'kmh',
  precipitation: 'mm'
} as const

/** What a variable measures: each answer's `*_units` blocks are checked against it. */
export type Quantity =
  | 'time'
  | 'seconds'
  | 'temperature'
  | 'windSpeed'
  | 'precipitation'
  | 'percent'
  | 'direction'
  | 'weatherCode'
  | 'dayFlag'
  | 'europeanAqi'
  | 'usAqi'
  | 'concentration'

type AnyVar =
  | (typeof currentVars)[number]
  | (typeof hourlyVars)[number]
  | (typeof dailyVars)[number]
  | (typeof airCurrentVars)[number]
  | (typeof airHourlyVars)[number]

/** Every key of a current, hourly or daily block Skyfolio reads, and what it measures. */
export const quantityOf: Readonly<Record<AnyVar | 'time' | 'interval', Quantity>> = {
  time: 'time',
  interval: 'seconds',
  temperature_2m: 'temperature',
  apparent_temperature: 'temperature',
  temperature_2m_max: 'temperature',
  temperature_2m_min: 'temperature',
  relative_humidity_2m: 'percent',
  precipitation_probability: 'percent',
  precipitation_probability_max: 'percent',
  precipitation: 'precipitation',
  precipitation_sum: 'precipitation',
  wind_speed_10m: 'windSpeed',
  wind_gusts_10m: 'windSpeed',
  wind_speed_10m_max: 'windSpeed',
  wind_direction_10m: 'direction',
  wind_direction_10m_dominant: 'direction',
  weather_code: 'weatherCode',
  is_day: 'dayFlag',
  sunrise: 'time',
  sunset: 'time',
  european_aqi: 'europeanAqi',
  us_aqi: 'usAqi',
  pm10: 'concentration',
  pm2_5: 'concentration'
}
export type UnitKey = keyof typeof quantityOf

export type CurrentVar = (typeof currentVars)[number]
export type HourlyVar = (typeof hourlyVars)[number]
export type DailyVar = (typeof dailyVars)[number]
export type AirCurrentVar = (typeof airCurrentVars)[number]
export type AirHourlyVar = (typeof airHourlyVars)[number]
