import type { Sleep } from './sleep'
import { cancelled, WeatherFetchError } from './weather-errors'

interface Waiter {
  resolve: () => void
  reject: (e: unknown) => void
  signal?: AbortSignal
  onAbort: () => void
}

/**
 * Admission for one host: at most `maxInFlight` requests at once (the free service runs one per
 * client and queues very few), a FIFO queue for the rest, and a pause after a 429.
 */
export class HostLimiter {
  private inFlight = 0
  private readonly queue: Waiter[] = []
  private pausedUntilMs = 0

  constructor(
    readonly name: string,
    private readonly maxInFlight: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
    private readonly maxWaitMs: number
  ) {}

  get pausedUntil(): number | null {
    return this.pausedUntilMs > this.now() ? this.pausedUntilMs : null
  }

  get active(): number {
    return this.inFlight
  }

  pause(untilMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs)
  }

  /** Waits out any pause and for a free slot; resolves with the slot's release. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      await this.waitOutPause(signal)
      await this.takeSlot(signal)
      // A pause may have started while this request queued: give the slot back and wait.
      if (this.pausedUntilMs <= this.now()) break
      this.release()
    }
    let released = false
    return () => {
      if (released) return
      released = true
      this.release()
    }
  }

  private async waitOutPause(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw cancelled()
      const wait = this.pausedUntilMs - this.now()
      if (wait <= 0) return
      if (wait > this.maxWaitMs) {
        throw new WeatherFetchError(
          'rate_limited',
          `Open-Meteo's ${this.name} limit is reached; Skyfolio waits until ${new Date(
            this.pausedUntilMs
          ).toISOString()} before asking again.`,
          { status: 429, pausedUntil: this.pausedUntilMs }
        )
      }
      await this.sleep(wait, signal)
    }
  }

  private takeSlot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled())
    if (this.inFlight < this.maxInFlight) {
      this.inFlight++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.queue.indexOf(waiter)
          if (i >= 0) this.queue.splice(i, 1)
          reject(cancelled())
        }
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true })
      this.queue.push(waiter)
    })
  }

  private release(): void {
    const next = this.queue.shift()
    if (next) {
      // The slot passes straight to the next waiter.
      next.signal?.removeEventListener('abort', next.onAbort)
      next.resolve()
    } else {
      this.inFlight--
    }
  }
}
