import type { PastHoursAnswer, PastRange, PastWeatherSource } from '@shared/weather/past-weather'
import type { OpenMeteoClient } from './open-meteo/open-meteo-client'
import { isCancelled, WeatherFetchError } from './open-meteo/weather-errors'

export type { PastWeatherSource } from '@shared/weather/past-weather'

/**
 * The weather desk's past hours for another domain (photo weather), through the desk's own
 * client: the same per-host admission, weight budget, 429 pauses and retries. Failures come
 * back as values so the caller needs nothing from this domain to read them.
 */
export function pastWeatherSource(client: OpenMeteoClient): PastWeatherSource {
  return {
    async hours(
      points: readonly { latitude: number; longitude: number }[],
      range: PastRange,
      signal?: AbortSignal
    ): Promise<PastHoursAnswer> {
      try {
        const answer = await client.pastHours(points, range, signal)
        return {
          ok: true,
          locations: answer.map((l) => ({
            timezone: l.timezone,
            utcOffsetSeconds: l.utc_offset_seconds,
            time: l.hourly.time,
            temperature: l.hourly.temperature_2m,
            weatherCode: l.hourly.weather_code,
            windSpeed: l.hourly.wind_speed_10m,
            precipitation: l.hourly.precipitation
          }))
        }
      } catch (error) {
        if (isCancelled(error) || signal?.aborted) {
          return { ok: false, kind: 'cancelled', message: 'cancelled', retryAt: null }
        }
        if (!(error instanceof WeatherFetchError)) throw error
        const kind =
          error.kind === 'network' || error.kind === 'timeout'
            ? 'offline'
            : error.kind === 'rate_limited'
              ? 'limited'
              : error.kind === 'contract' || error.kind === 'rejected'
                ? 'refused'
                : 'failed'
        return {
          ok: false,
          kind,
          message: error.message,
          retryAt: error.details.pausedUntil ?? null
        }
      }
    }
  }
}
