import { apiErrorSchema } from '@shared/weather/forecast-schema'
import type { TextResponse } from './http-text'
import { parseRetryAfter, rateWindowOf, windowEnd } from './retry-policy'
import { WeatherFetchError } from './weather-errors'

export interface HttpFailure {
  readonly error: WeatherFetchError
  /** A 429 that says how long to hold back: the host pauses until then. */
  readonly pause: { until: number; reason: string } | null
}

/** What a non-200 answer means, in words, with what the retry policy needs to decide. */
export function describeHttpFailure(label: string, res: TextResponse, nowMs: number): HttpFailure {
  let reason = ''
  try {
    const body = apiErrorSchema.safeParse(JSON.parse(res.text))
    if (body.success) reason = body.data.reason
  } catch {
    // Not Open-Meteo's JSON error body (a proxy page, say): the status speaks for itself.
  }
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), nowMs)
  if (res.status === 429) {
    const window = rateWindowOf(reason)
    const until = window
      ? windowEnd(window, nowMs)
      : retryAfterMs !== null
        ? nowMs + retryAfterMs
        : null
    const when = until ? ` until ${new Date(until).toISOString().slice(11, 16)} UTC` : ''
    const error = new WeatherFetchError(
      'rate_limited',
      window
        ? `Open-Meteo's ${window}ly request limit is reached (${label}); paused${when}.`
        : `Open-Meteo is busy with other requests (${label}).`,
      { status: 429, retryAfterMs, pausedUntil: window ? until : null }
    )
    return { error, pause: until !== null ? { until, reason } : null }
  }
  if (res.status >= 400 && res.status < 500) {
    const error = new WeatherFetchError(
      'rejected',
      `Open-Meteo refused the ${label} request (HTTP ${res.status})${reason ? `: ${reason}` : '.'}`,
      { status: res.status }
    )
    return { error, pause: null }
  }
  const error = new WeatherFetchError(
    'server',
    `Open-Meteo had a problem answering (${label}, HTTP ${res.status}).`,
    { status: res.status, retryAfterMs }
  )
  return { error, pause: null }
}
