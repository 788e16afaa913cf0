/**
 * What photo weather needs from the weather side: hourly past weather for grid cells. The
 * composition root hands in the weather desk's implementation (its Open-Meteo client, with its
 * limiter, weight budget, 429 pauses and retries); this folder never imports the weather domain.
 */
export type PastRange =
  | { readonly kind: 'archive'; readonly startDate: string; readonly endDate: string }
  | { readonly kind: 'recent'; readonly pastDays: number }

export interface CellHours {
  readonly timezone: string
  readonly utcOffsetSeconds: number
  readonly time: readonly number[]
  readonly temperature: readonly (number | null)[]
  readonly weatherCode: readonly (number | null)[]
  readonly windSpeed: readonly (number | null)[]
  readonly precipitation: readonly (number | null)[]
}

export type HoursAnswer =
  | { readonly ok: true; readonly locations: CellHours[] }
  | {
      readonly ok: false
      readonly kind: 'offline' | 'limited' | 'refused' | 'failed' | 'cancelled'
      readonly message: string
      readonly retryAt: number | null
    }

export interface HistoricalWeatherSource {
  /** One answer per point, in order; failures are values, never thrown. */
  hours(
    points: readonly { latitude: number; longitude: number }[],
    range: PastRange,
    signal?: AbortSignal
  ): Promise<HoursAnswer>
}
