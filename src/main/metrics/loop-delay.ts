import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { LoopSample } from '../../shared/contract'

const NS_PER_MS = 1e6

/**
 * The main process's event-loop delay, in windows: each read gives p99, max and mean since the
 * previous read. The histogram times a timer that fires every `resolution` ms, so an idle loop
 * reads as the resolution itself; that interval is subtracted.
 *
 * A histogram loses the interval that spans its reset() or enable(), so a stall starting right
 * at a window's edge would go unseen. Windows are therefore handed over: the next histogram
 * starts at once, and the retiring one keeps listening for one more timer period before it is
 * read.
 */
export class LoopDelayMonitor {
  private histogram: IntervalHistogram | null = null

  constructor(private readonly resolutionMs = 10) {}

  start(): void {
    if (this.histogram) return
    this.histogram = this.fresh()
  }

  stop(): void {
    this.histogram?.disable()
    this.histogram = null
  }

  get running(): boolean {
    return this.histogram !== null
  }

  /** Ends the window (after one more timer period) and starts the next. */
  async read(): Promise<LoopSample> {
    const retiring = this.histogram
    if (!retiring) return { p99Ms: 0, maxMs: 0, meanMs: 0 }
    this.histogram = this.fresh()
    await new Promise((resolve) => setTimeout(resolve, this.resolutionMs * 2))
    retiring.disable()
    if (retiring.count === 0) return { p99Ms: 0, maxMs: 0, meanMs: 0 }
    const delay = (ns: number): number => Math.max(0, ns / NS_PER_MS - this.resolutionMs)
    return {
      p99Ms: delay(retiring.percentile(99)),
      maxMs: delay(retiring.max),
      meanMs: delay(retiring.mean)
    }
  }

  private fresh(): IntervalHistogram {
    const h = monitorEventLoopDelay({ resolution: this.resolutionMs })
    h.enable()
    return h
  }
}
