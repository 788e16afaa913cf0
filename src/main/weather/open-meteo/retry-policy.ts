/** How often and how long to retry a failed request. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** A pause or Retry-After longer than this fails the request instead of waiting. */
  readonly maxWaitMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxWaitMs: 65_000
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(attempt-1))]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(random() * ceiling)
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null
  const v = value.trim()
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000)
  const date = Date.parse(v)
  if (Number.isNaN(date)) return null
  return Math.max(0, date - nowMs)
}

export type RateWindow = 'minute' | 'hour' | 'day'

/** Which quota a 429's reason names ("Minutely API request limit exceeded…"), if any. */
export function rateWindowOf(reason: string): RateWindow | null {
  const r = reason.toLowerCase()
  if (/minutely|per minute|one minute/.test(r)) return 'minute'
  if (/hourly|per hour|next hour/.test(r)) return 'hour'
  if (/daily|per day|tomorrow/.test(r)) return 'day'
  return null
}

/** The start of the next window in UTC: the next minute, hour, or UTC midnight. */
export function windowEnd(window: RateWindow, nowMs: number): number {
  const unit = window === 'minute' ? 60_000 : window === 'hour' ? 3_600_000 : 86_400_000
  return (Math.floor(nowMs / unit) + 1) * unit
}
