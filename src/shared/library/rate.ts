/**
 * Images per second over a sliding window, and the ETA it implies. Fed with completion
 * timestamps; a pause does not drag the rate to zero for ever, it simply ages out.
 */
export class RateMeter {
  private readonly stamps: number[] = []

  constructor(private readonly windowMs = 10_000) {}

  add(at: number, count = 1): void {
    for (let i = 0; i < count; i++) this.stamps.push(at)
    this.trim(at)
  }

  reset(): void {
    this.stamps.length = 0
  }

  /** Items per second, measured from the first item in the window (null until there are two). */
  perSecond(now: number): number {
    this.trim(now)
    if (this.stamps.length < 2) return 0
    const span = Math.max(now - this.stamps[0]!, 1000)
    return (this.stamps.length * 1000) / span
  }

  /** Seconds left for `remaining` items at the current rate; null when it cannot be told. */
  etaSeconds(remaining: number, now: number): number | null {
    if (remaining <= 0) return 0
    const rate = this.perSecond(now)
    return rate > 0 ? Math.ceil(remaining / rate) : null
  }

  private trim(now: number): void {
    const cutoff = now - this.windowMs
    let drop = 0
    while (drop < this.stamps.length && this.stamps[drop]! < cutoff) drop++
    if (drop) this.stamps.splice(0, drop)
  }
}
