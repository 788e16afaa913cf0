import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { LoopSample, LoopSpan } from '@shared/contract'

const NS_PER_MS = 1e6

/** A delay histogram's figures, with the timer's own interval subtracted. */
function figures(histogram: IntervalHistogram, resolutionMs: number): LoopSample {
  if (histogram.count === 0) return { p99Ms: 0, maxMs: 0, meanMs: 0 }
  const delay = (ns: number): number => Math.max(0, ns / NS_PER_MS - resolutionMs)
  return {
    p99Ms: delay(histogram.percentile(99)),
    maxMs: delay(histogram.max),
    meanMs: delay(histogram.mean)
  }
}

function enabled(resolutionMs: number): IntervalHistogram {
  const h = monitorEventLoopDelay({ resolution: resolutionMs })
  h.enable()
  return h
}

/**
 * The event-loop delay over one span (a benchmark run, a watcher's lease) in one histogram, so
 * its p99 is the p99 of every sample in the span, not of per-window figures.
 */
export class LoopDelaySpan {
  private readonly histogram: IntervalHistogram
  private readonly startedAt = performance.now()
  private endedAt: number | null = null

  constructor(private readonly resolutionMs = 10) {
    this.histogram = enabled(resolutionMs)
  }

  read(): LoopSpan {
    const until = this.endedAt ?? performance.now()
    return {
      ...figures(this.histogram, this.resolutionMs),
      samples: this.histogram.count,
      forMs: Math.max(0, until - this.startedAt)
    }
  }

  end(): LoopSpan {
    if (this.endedAt === null) {
      this.histogram.disable()
      this.endedAt = performance.now()
    }
    return this.read()
  }
}

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
    return figures(retiring, this.resolutionMs)
  }

  private fresh(): IntervalHistogram {
    return enabled(this.resolutionMs)
  }
}
