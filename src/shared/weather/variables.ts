/**
 * The Open-Meteo variables Skyfolio asks for. Shared by the client (query), the schemas
 * (validation) and the fixture server (answers), so the three never drift apart.
 *
 * Each block lists the variables stored since the first release, then those added later: a
 * report stored before a variable was added lacks it, so the stored-report schema takes the
 * added ones as optional while a fresh answer must carry every one it was asked for.
 */
const baseCurrentVars = [
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
export const addedCurrentVars = ['dew_point_2m', 'pressure_msl', 'cloud_cover'] as const
export const currentVars = [...baseCurrentVars, ...addedCurrentVars] as const

const baseHourlyVars = [
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
export const addedHourlyVars = [
  'dew_point_2m',
  'pressure_msl',
  'cloud_cover',
  'visibility',
  'uv_index'
] as const
export const hourlyVars = [...baseHourlyVars, ...addedHourlyVars] as const

const baseDailyVars = [
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
export const addedDailyVars = ['uv_index_max', 'daylight_duration'] as const
export const dailyVars = [...baseDailyVars, ...addedDailyVars] as const

/**
 * 15-minute steps for the next two hours. Each value is the precipitation of the quarter hour
 * that ends at its time. Open-Meteo interpolates where no 15-minute model runs.
 */
export const minutelyVars = ['precipitation'] as const
export const NOWCAST_QUARTERS = 8

/** What a past day was like: asked of the forecast API (`past_days`) or the archive API. */
export const observedDailyVars = [
  'weather_code',
  'temperature_2m_max',
  'temperature_2m_min',
  'precipitation_sum'
] as const

export const airCurrentVars = ['european_aqi', 'us_aqi', 'pm10', 'pm2_5'] as const
export const airHourlyVars = ['european_aqi', 'pm2_5', 'pm10'] as const

/** Today and seven days ahead: the accuracy figures go out to a lead time of 7 days. */
export const FORECAST_DAYS = 8
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
  | 'pressure'
  | 'distance'
  | 'uvIndex'
  | 'duration'

type AnyVar =
  | (typeof currentVars)[number]
  | (typeof hourlyVars)[number]
  | (typeof dailyVars)[number]
  | (typeof minutelyVars)[number]
  | (typeof observedDailyVars)[number]
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
  dew_point_2m: 'temperature',
  relative_humidity_2m: 'percent',
  precipitation_probability: 'percent',
  precipitation_probability_max: 'percent',
  cloud_cover: 'percent',
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
  pressure_msl: 'pressure',
  visibility: 'distance',
  uv_index: 'uvIndex',
  uv_index_max: 'uvIndex',
  daylight_duration: 'duration',
  european_aqi: 'europeanAqi',
  us_aqi: 'usAqi',
  pm10: 'concentration',
  pm2_5: 'concentration'
}
export type UnitKey = keyof typeof quantityOf

export type CurrentVar = (typeof currentVars)[number]
export type HourlyVar = (typeof hourlyVars)[number]
export type DailyVar = (typeof dailyVars)[number]
export type MinutelyVar = (typeof minutelyVars)[number]
export type ObservedDailyVar = (typeof observedDailyVars)[number]
export type AirCurrentVar = (typeof airCurrentVars)[number]
export type AirHourlyVar = (typeof airHourlyVars)[number]
