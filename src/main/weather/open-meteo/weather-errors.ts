import { AppFailure, type ErrorCode } from '@shared/contract'

/** What went wrong with one request, finer than the error code the user sees. */
export type FetchFailureKind =
  'network' | 'timeout' | 'server' | 'rejected' | 'rate_limited' | 'invalid_body' | 'cancelled'

const codeOf: Record<FetchFailureKind, ErrorCode> = {
  network: 'network',
  timeout: 'timeout',
  server: 'upstream',
  rejected: 'upstream',
  rate_limited: 'rate_limited',
  invalid_body: 'invalid_response',
  cancelled: 'cancelled'
}

/** A failed Open-Meteo request, with what the retry policy needs to decide. */
export class WeatherFetchError extends AppFailure {
  /** Attempts made before giving up (1 = no retry). */
  attempts = 1

  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    readonly details: {
      status?: number
      retryAfterMs?: number | null
      /** For 429s naming a window: the host is paused until then (ms since epoch). */
      pausedUntil?: number | null
    } = {}
  ) {
    super(codeOf[kind], message)
    this.name = 'WeatherFetchError'
  }

  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'invalid_body') {
      return true
    }
    if (this.kind === 'server') return [502, 503, 504].includes(this.details.status ?? 0)
    // A 429 without a named window (too many at once) clears as soon as others finish.
    if (this.kind === 'rate_limited') return true
    return false
  }
}

export const isCancelled = (error: unknown): boolean =>
  error instanceof WeatherFetchError && error.kind === 'cancelled'

export const cancelled = (): WeatherFetchError =>
  new WeatherFetchError('cancelled', 'The refresh was cancelled.')
