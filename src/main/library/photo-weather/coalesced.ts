/** A clock and a timer, real unless a test passes its own. */
export interface Ticker {
  now(): number
  later(run: () => void, ms: number): () => void
}

const realTicker: Ticker = {
  now: () => performance.now(),
  later: (run, ms) => {
    const timer = setTimeout(run, ms)
    timer.unref?.()
    return () => clearTimeout(timer)
  }
}

/**
 * Progress sent at most once per `everyMs`: a burst of updates goes out as one now and one
 * at the end of the interval, built when it is sent (so it is never stale). `flush` sends at
 * once, for the changes a user must see without delay (running → idle, paused offline…).
 */
export class Coalesced {
  private last = Number.NEGATIVE_INFINITY
  private cancel: (() => void) | null = null

  constructor(
    private readonly send: () => void,
    private readonly everyMs = 250,
    private readonly ticker: Ticker = realTicker
  ) {}

  request(): void {
    if (this.cancel) return
    const wait = this.last + this.everyMs - this.ticker.now()
    if (wait <= 0) this.fire()
    else {
      this.cancel = this.ticker.later(() => {
        this.cancel = null
        this.fire()
      }, wait)
    }
  }

  flush(): void {
    this.close()
    this.fire()
  }

  /** Drops what waits (the owner is closing). */
  close(): void {
    this.cancel?.()
    this.cancel = null
  }

  private fire(): void {
    this.last = this.ticker.now()
    this.send()
  }
}
