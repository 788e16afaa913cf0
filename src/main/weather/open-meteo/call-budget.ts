import { FREE_LIMITS, type CallLimits } from '@shared/weather/call-weight'
import type { Sleep } from './sleep'
import { WeatherFetchError } from './weather-errors'

const WINDOWS = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000]
] as const

/**
 * Open-Meteo's free limits per minute, hour and day, counted by each call's weight (see
 * callWeight), over sliding windows: any minute, hour or day of calls stays within its limit,
 * so no clock-aligned window on the service's side can be exceeded either. One budget covers
 * every API, as the service counts them together per client.
 */
export class CallBudget {
  private readonly spent: { at: number; weight: number }[] = []

  constructor(
    private readonly now: () => number,
    private readonly sleep: Sleep,
    private readonly maxWaitMs: number,
    readonly limits: CallLimits = FREE_LIMITS
  ) {}

  /** Weight spent in the last `windowMs`. */
  used(windowMs: number): number {
    const since = this.now() - windowMs
    let sum = 0
    for (let i = this.spent.length - 1; i >= 0 && this.spent[i]!.at > since; i--) {
      sum += this.spent[i]!.weight
    }
    return sum
  }

  /** How long until `weight` fits every window (0: now). */
  waitFor(weight: number): number {
    const now = this.now()
    this.forgetBefore(now - 86_400_000)
    let wait = 0
    for (const [name, windowMs] of WINDOWS) {
      const limit = this.limits[name]
      // A call heavier than a whole window is let through alone once that window is empty.
      let excess = this.used(windowMs) + Math.min(weight, limit) - limit
      if (excess <= 0) continue
      for (const s of this.spent) {
        if (s.at <= now - windowMs) continue
        excess -= s.weight
        if (excess <= 0) {
          wait = Math.max(wait, s.at + windowMs - now + 1)
          break
        }
      }
    }
    return wait
  }

  /** Waits until `weight` fits, then counts it; fails (rate_limited) if that is too long. */
  async take(weight: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.waitFor(weight)
      if (wait <= 0) {
        this.spent.push({ at: this.now(), weight })
        return
      }
      if (wait > this.maxWaitMs) {
        const until = this.now() + wait
        throw new WeatherFetchError(
          'rate_limited',
          `Open-Meteo's free limit for this period is used up; Skyfolio waits until ${new Date(
            until
          ).toISOString()} before asking again.`,
          { status: 429, pausedUntil: until }
        )
      }
      await this.sleep(wait, signal)
    }
  }

  private forgetBefore(t: number): void {
    let n = 0
    while (n < this.spent.length && this.spent[n]!.at <= t) n++
    if (n > 0) this.spent.splice(0, n)
  }
}
