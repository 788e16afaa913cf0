import {
  AIR_FORECAST_DAYS,
  airCurrentVars,
  airHourlyVars,
  currentVars,
  dailyVars,
  FORECAST_DAYS,
  hourlyVars,
  minutelyVars,
  NOWCAST_QUARTERS,
  observedDailyVars,
  storedUnits
} from '@shared/weather/variables'

export interface GeoPoint {
  readonly latitude: number
  readonly longitude: number
}

export type Api = 'forecast' | 'air-quality' | 'geocoding' | 'archive'
/** Where each API lives; without `archive`, the forecast's base serves it too (as the fixture does). */
export type BaseUrls = Readonly<Record<Exclude<Api, 'archive'>, string>> & {
  readonly archive?: string
}

export const openMeteoBaseUrls: Required<BaseUrls> = {
  forecast: 'https://api.open-meteo.com',
  'air-quality': 'https://air-quality-api.open-meteo.com',
  geocoding: 'https://geocoding-api.open-meteo.com',
  archive: 'https://archive-api.open-meteo.com'
}

export const baseUrlOf = (urls: BaseUrls, api: Api): string =>
  api === 'archive' ? (urls.archive ?? urls.forecast) : urls[api]

/**
 * The real endpoints unless overridden: the environment (tests, demos) wins over the setting.
 * One override base serves every path, like the fixture server does.
 */
export function resolveBaseUrls(setting: string, envValue: string | undefined): BaseUrls {
  const base = (envValue ?? '').trim() || setting.trim()
  if (!base) return openMeteoBaseUrls
  return { forecast: base, 'air-quality': base, geocoding: base, archive: base }
}

const join = (base: string, path: string): URL =>
  new URL(path, base.endsWith('/') ? base : `${base}/`)

// Four decimals is ~11 m: plenty for weather, and equal places make equal (mergeable) URLs.
const coord = (n: number): string => String(Math.round(n * 1e4) / 1e4)

function withPoints(url: URL, points: readonly GeoPoint[]): URL {
  url.searchParams.set('latitude', points.map((p) => coord(p.latitude)).join(','))
  url.searchParams.set('longitude', points.map((p) => coord(p.longitude)).join(','))
  return url
}

export function forecastUrl(base: string, points: readonly GeoPoint[]): string {
  const url = withPoints(join(base, 'v1/forecast'), points)
  url.searchParams.set('current', currentVars.join(','))
  url.searchParams.set('hourly', hourlyVars.join(','))
  url.searchParams.set('daily', dailyVars.join(','))
  // The service's defaults, said out loud: the answer's `*_units` are checked against these.
  url.searchParams.set('temperature_unit', storedUnits.temperature)
  url.searchParams.set('wind_speed_unit', storedUnits.windSpeed)
  url.searchParams.set('precipitation_unit', storedUnits.precipitation)
  url.searchParams.set('timezone', 'auto')
  url.searchParams.set('timeformat', 'unixtime')
  url.searchParams.set('forecast_days', String(FORECAST_DAYS))
  url.searchParams.set('minutely_15', minutelyVars.join(','))
  url.searchParams.set('forecast_minutely_15', String(NOWCAST_QUARTERS))
  return url.toString()
}

/** Past days as they were asked of every observation: daily, metric, local days, unixtime. */
function withObservedDaily(url: URL): URL {
  url.searchParams.set('daily', observedDailyVars.join(','))
  url.searchParams.set('temperature_unit', storedUnits.temperature)
  url.searchParams.set('wind_speed_unit', storedUnits.windSpeed)
  url.searchParams.set('precipitation_unit', storedUnits.precipitation)
  url.searchParams.set('timezone', 'auto')
  url.searchParams.set('timeformat', 'unixtime')
  return url
}

/** The last `pastDays` days (and today, which is not over) from the forecast API. */
export function recentDaysUrl(base: string, points: readonly GeoPoint[], pastDays: number): string {
  const url = withObservedDaily(withPoints(join(base, 'v1/forecast'), points))
  url.searchParams.set('past_days', String(pastDays))
  url.searchParams.set('forecast_days', '1')
  return url.toString()
}

/** Days from `startDate` to `endDate` (YYYY-MM-DD, inclusive) from the archive API. */
export function archiveUrl(
  base: string,
  points: readonly GeoPoint[],
  startDate: string,
  endDate: string
): string {
  const url = withObservedDaily(withPoints(join(base, 'v1/archive'), points))
  url.searchParams.set('start_date', startDate)
  url.searchParams.set('end_date', endDate)
  return url.toString()
}

export function airQualityUrl(base: string, points: readonly GeoPoint[]): string {
  const url = withPoints(join(base, 'v1/air-quality'), points)
  url.searchParams.set('current', airCurrentVars.join(','))
  url.searchParams.set('hourly', airHourlyVars.join(','))
  url.searchParams.set('timezone', 'auto')
  url.searchParams.set('timeformat', 'unixtime')
  url.searchParams.set('forecast_days', String(AIR_FORECAST_DAYS))
  return url.toString()
}

export function searchUrl(base: string, name: string, count: number): string {
  const url = join(base, 'v1/search')
  url.searchParams.set('name', name)
  url.searchParams.set('count', String(count))
  url.searchParams.set('language', 'en')
  url.searchParams.set('format', 'json')
  return url.toString()
}
