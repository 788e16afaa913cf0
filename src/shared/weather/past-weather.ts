/**
 * Past hourly weather as one domain hands it to another: the weather desk implements the
 * source over its Open-Meteo client (limiter, weight budget, 429 pauses, retries), photo
 * weather uses it; the composition root connects them, so neither imports the other.
 */

export type PastRange =
  | { readonly kind: 'archive'; readonly startDate: string; readonly endDate: string }
  /** The forecast API's last `pastDays` days and today (and tomorrow, for zones ahead of UTC). */
  | { readonly kind: 'recent'; readonly pastDays: number }

/** One location's hours as they happened, in stored units (°C, km/h, mm). */
export interface PastHours {
  readonly timezone: string
  readonly utcOffsetSeconds: number
  /** Unix seconds; each value null where the service has no record. */
  readonly time: readonly number[]
  readonly temperature: readonly (number | null)[]
  readonly weatherCode: readonly (number | null)[]
  readonly windSpeed: readonly (number | null)[]
  readonly precipitation: readonly (number | null)[]
}

export type PastHoursAnswer =
  | { readonly ok: true; readonly locations: PastHours[] }
  | {
      readonly ok: false
      /** offline: not reachable; limited: wait until retryAt; refused: asking again won't help. */
      readonly kind: 'offline' | 'limited' | 'refused' | 'failed' | 'cancelled'
      readonly message: string
      readonly retryAt: number | null
    }

export interface PastWeatherSource {
  /** One answer per point, in order; failures are values, never thrown. */
  hours(
    points: readonly { latitude: number; longitude: number }[],
    range: PastRange,
    signal?: AbortSignal
  ): Promise<PastHoursAnswer>
}
