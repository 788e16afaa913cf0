import { AppFailure, type ErrorCode } from '@shared/contract'

/**
 * What went wrong with one request, finer than the error code the user sees. `invalid_body`
 * is a body that did not arrive whole (transient); `contract` is a whole answer that is not
 * what Skyfolio asked for (wrong shape, unknown units), which asking again will not change.
 */
export type FetchFailureKind =
  | 'network'
  | 'timeout'
  | 'server'
  | 'rejected'
  | 'rate_limited'
  | 'invalid_body'
  | 'contract'
  | 'cancelled'

const codeOf: Record<FetchFailureKind, ErrorCode> = {
  network: 'network',
  timeout: 'timeout',
  server: 'upstream',
  rejected: 'upstream',
  rate_limited: 'rate_limited',
  invalid_body: 'invalid_response',
  contract: 'invalid_response',
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
      /** For the log only: what exactly did not match (validator paths, unit labels). */
      diagnostic?: string
    } = {}
  ) {
    super(codeOf[kind], message)
    this.name = 'WeatherFetchError'
  }

  get retryable(): boolean {
    // The same question gets the same (misunderstood) answer: retrying only spends quota.
    if (this.kind === 'contract') return false
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'invalid_body') {
      return true
    }
    if (this.kind === 'server') return [502, 503, 504].includes(this.details.status ?? 0)
    // A 429 without a named window (too many at once) clears as soon as others finish.
    if (this.kind === 'rate_limited') return true
    return false
  }
}

export const NOT_UNDERSTOOD = 'Open-Meteo sent an answer Skyfolio does not understand'

/**
 * A well-formed answer that breaks the contract. The user reads `reason` (plain words) or a
 * pointer to the log; the validator's details go to the log only, as the diagnostic.
 */
export function contractMismatch(
  label: string,
  diagnostic: string,
  reason?: string
): WeatherFetchError {
  const message = reason
    ? `${NOT_UNDERSTOOD} (${label}): ${reason}`
    : `${NOT_UNDERSTOOD} (${label}). The details are in the log.`
  return new WeatherFetchError('contract', message, { diagnostic })
}

export const isCancelled = (error: unknown): boolean =>
  error instanceof WeatherFetchError && error.kind === 'cancelled'

export const cancelled = (): WeatherFetchError =>
  new WeatherFetchError('cancelled', 'The refresh was cancelled.')
