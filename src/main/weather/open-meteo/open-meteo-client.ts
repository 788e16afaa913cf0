import type { z } from 'zod'
import {
  airQualityLocationSchema,
  airQualityUnitBlocks,
  forecastAnswerSchema,
  forecastUnitBlocks,
  observedLocationSchema,
  observedUnitBlocks,
  type AirQualityLocation,
  type ForecastLocation,
  type GeoHit,
  type ObservedLocation,
  type UnitBlocks
} from '@shared/weather/forecast-schema'
import type { Logger } from '../../platform/log'
import { callWeight } from '@shared/weather/call-weight'
import type { CallBudget } from './call-budget'
import { HostLimiter } from './host-limiter'
import {
  pastHoursLocationSchema,
  pastHoursUnitBlocks,
  pastHoursUrl,
  type PastHoursLocation,
  type PastRange
} from './past-hours'
import { fetchText, type TextResponse } from './http-text'
import { describeHttpFailure } from './http-failure'
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './retry-policy'
import {
  parseGeoHits,
  parseLocations,
  parseLocationsSliced,
  type ParsedLocations
} from './open-meteo-parse'
import { realSleep, type Sleep } from './sleep'
import { SharedRequests } from './shared-requests'
import {
  airQualityUrl,
  archiveUrl,
  baseUrlOf,
  forecastUrl,
  recentDaysUrl,
  searchUrl,
  type Api,
  type BaseUrls,
  type GeoPoint
} from './weather-urls'
import { WeatherFetchError } from './weather-errors'

export type { GeoPoint } from './weather-urls'

const observed = {
  schema: observedLocationSchema,
  units: observedUnitBlocks,
  label: 'past weather'
}

export type ClientEvent =
  | { type: 'request'; api: Api; attempt: number }
  | { type: 'retry'; api: Api; attempt: number; delayMs: number; kind: string }
  | { type: 'paused'; api: Api; until: number; reason: string }

export interface ClientOptions {
  fetch: typeof fetch
  baseUrls: () => BaseUrls
  now?: () => number
  sleep?: Sleep
  random?: () => number
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  /** Per host; the free service runs one request per client and queues very few. */
  maxInFlight?: number
  onEvent?: (event: ClientEvent) => void
  /** Called as each request goes out; the returned function when it settles (Activity view). */
  track?: (host: string, label: string) => (ok: boolean) => void
  /** Where answers Skyfolio does not understand are described in full (users see words). */
  log?: Logger
  /** Open-Meteo's per-minute/hour/day limits, counted by each call's weight, for every API. */
  budget?: CallBudget
}

const labels: Record<Api, string> = {
  forecast: 'forecast',
  'air-quality': 'air quality',
  geocoding: 'place search',
  archive: 'past weather'
}

/**
 * Open-Meteo over async fetch: batches of places per request, per-host admission, merged
 * identical requests, timeouts, cancellation and a retry policy that respects the service.
 */
export class OpenMeteoClient {
  readonly stats = { requests: 0, retries: 0, http429: 0 }
  private readonly limiters: Record<Api, HostLimiter>
  private readonly requests = new SharedRequests()
  private readonly policy: RetryPolicy
  private readonly now: () => number
  private readonly sleep: Sleep
  private readonly random: () => number
  private readonly timeoutMs: number

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? realSleep
    this.random = options.random ?? Math.random
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.policy = { ...defaultRetryPolicy, ...options.retry }
    const max = options.maxInFlight ?? 2
    const limiter = (api: Api): HostLimiter =>
      new HostLimiter(labels[api], max, this.now, this.sleep, this.policy.maxWaitMs)
    this.limiters = {
      forecast: limiter('forecast'),
      'air-quality': limiter('air-quality'),
      geocoding: limiter('geocoding'),
      archive: limiter('archive')
    }
  }

  /** When a host is held back after a 429, until when (ms since epoch). */
  pausedUntil(api: Api): number | null {
    return this.limiters[api].pausedUntil
  }

  forecast(points: readonly GeoPoint[], signal?: AbortSignal): Promise<ForecastLocation[]> {
    const url = forecastUrl(this.base('forecast'), points)
    return this.locations('forecast', url, points.length, signal, {
      schema: forecastAnswerSchema,
      units: forecastUnitBlocks,
      label: 'forecast'
    })
  }

  airQuality(points: readonly GeoPoint[], signal?: AbortSignal): Promise<AirQualityLocation[]> {
    const url = airQualityUrl(this.base('air-quality'), points)
    return this.locations('air-quality', url, points.length, signal, {
      schema: airQualityLocationSchema,
      units: airQualityUnitBlocks,
      label: 'air quality'
    })
  }

  /**
   * The last `pastDays` whole days as they happened (and today so far), from the forecast API:
   * the same host, so the same admission and pauses as forecasts.
   */
  recentDays(
    points: readonly GeoPoint[],
    pastDays: number,
    signal?: AbortSignal
  ): Promise<ObservedLocation[]> {
    const url = recentDaysUrl(this.base('forecast'), points, pastDays)
    return this.locations('forecast', url, points.length, signal, observed)
  }

  /** Older days as they happened, from the archive API (YYYY-MM-DD, inclusive). */
  archive(
    points: readonly GeoPoint[],
    startDate: string,
    endDate: string,
    signal?: AbortSignal
  ): Promise<ObservedLocation[]> {
    const url = archiveUrl(this.base('archive'), points, startDate, endDate)
    return this.locations('archive', url, points.length, signal, observed)
  }

  /** Hourly past weather (photo weather): the archive, or the forecast API's past days. */
  pastHours(
    points: readonly GeoPoint[],
    range: PastRange,
    signal?: AbortSignal
  ): Promise<PastHoursLocation[]> {
    const api: Api = range.kind === 'archive' ? 'archive' : 'forecast'
    const url = pastHoursUrl(this.base(api), points, range)
    return this.locations(api, url, points.length, signal, {
      schema: pastHoursLocationSchema,
      units: pastHoursUnitBlocks,
      label: 'past weather',
      // Up to 50 locations × 14 days of hours: checked a location at a time (see the parser).
      sliced: true
    })
  }

  search(name: string, count: number, signal?: AbortSignal): Promise<GeoHit[]> {
    const url = searchUrl(this.base('geocoding'), name, count)
    return this.requests.run(url, signal, (s) =>
      this.withRetries('geocoding', url, s, parseGeoHits)
    )
  }

  private base(api: Api): string {
    return baseUrlOf(this.options.baseUrls(), api)
  }

  /** One location per point, shape and units checked; identical requests in flight share one. */
  private locations<T extends object>(
    api: Api,
    url: string,
    expected: number,
    signal: AbortSignal | undefined,
    answer: { schema: z.ZodType<T>; units: UnitBlocks; label: string; sliced?: boolean }
  ): Promise<T[]> {
    const { schema, units, label } = answer
    return this.requests.run(url, signal, (s) =>
      this.withRetries(api, url, s, async (text) =>
        this.noted(
          api,
          answer.sliced
            ? await parseLocationsSliced(text, schema, units, expected, label)
            : parseLocations(text, schema, units, expected, label)
        )
      )
    )
  }

  /** We asked for metric: an answer in other units is read, and worth a line in the log. */
  private noted<T>(api: Api, parsed: ParsedLocations<T>): T[] {
    if (parsed.converted.length > 0) {
      this.options.log?.warn('Open-Meteo answered in other units than asked; converted', {
        api,
        from: parsed.converted
      })
    }
    return parsed.locations
  }

  private async withRetries<T>(
    api: Api,
    url: string,
    signal: AbortSignal,
    parse: (text: string) => T | Promise<T>
  ): Promise<T> {
    const limiter = this.limiters[api]
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.budget?.take(callWeight(url), signal)
        const release = await limiter.acquire(signal)
        let res: TextResponse
        const settle = this.options.track?.(new URL(url).host, `Open-Meteo ${labels[api]}`)
        try {
          this.stats.requests++
          this.options.onEvent?.({ type: 'request', api, attempt })
          res = await fetchText(this.options.fetch, url, {
            signal,
            timeoutMs: this.timeoutMs,
            label: labels[api]
          })
          settle?.(res.status === 200)
        } catch (error) {
          settle?.(false)
          throw error
        } finally {
          release()
        }
        // Awaited here: a sliced parse's failure is handled like any other.
        if (res.status === 200) return await parse(res.text)
        throw this.httpFailure(api, res)
      } catch (caught) {
        if (!(caught instanceof WeatherFetchError)) {
          this.options.log?.error('reading an Open-Meteo answer failed', { api, error: caught })
        }
        const error =
          caught instanceof WeatherFetchError
            ? caught
            : new WeatherFetchError('invalid_body', `Open-Meteo's answer could not be read.`)
        error.attempts = attempt
        if (error.kind === 'network') {
          // The socket's own words (ECONNREFUSED…) belong here, never in the message shown.
          this.options.log?.[attempt >= this.policy.maxAttempts ? 'warn' : 'debug'](
            'Open-Meteo could not be reached',
            { api, host: new URL(url).host, attempt, cause: error.details.diagnostic }
          )
        }
        if (error.kind === 'contract') {
          this.options.log?.error('Open-Meteo answer does not match what Skyfolio asked for', {
            api,
            host: new URL(url).host,
            mismatch: error.details.diagnostic
          })
        }
        if (!error.retryable || attempt >= this.policy.maxAttempts) throw error
        const until = error.details.pausedUntil
        let delay: number
        if (until) {
          // The limiter waits out the pause before the next attempt (or fails if it is long).
          if (until - this.now() > this.policy.maxWaitMs) throw error
          delay = 0
        } else {
          delay = error.details.retryAfterMs ?? backoffDelay(this.policy, attempt, this.random)
          if (delay > this.policy.maxWaitMs) throw error
        }
        this.stats.retries++
        this.options.onEvent?.({ type: 'retry', api, attempt, delayMs: delay, kind: error.kind })
        if (delay > 0) await this.sleep(delay, signal)
      }
    }
  }

  private httpFailure(api: Api, res: TextResponse): WeatherFetchError {
    const { error, pause } = describeHttpFailure(labels[api], res, this.now())
    if (res.status === 429) this.stats.http429++
    if (pause) {
      this.limiters[api].pause(pause.until)
      this.options.onEvent?.({ type: 'paused', api, until: pause.until, reason: pause.reason })
    }
    return error
  }
}
