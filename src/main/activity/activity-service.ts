import {
  activityBudgets,
  type ActivityChannel,
  type ActivitySample,
  type LoopSpan,
  type PoolSample
} from '@shared/contract'
import { RingBuffer } from '@shared/activity/ring-buffer'
import type { EventBus } from '../platform/ipc/event-bus'
import type { Handlers } from '../platform/ipc/router'
import type { Logger } from '../platform/log'
import { LoopDelayMonitor, LoopDelaySpan } from '../platform/metrics/loop-delay'
import type { NetworkTracker } from '../platform/metrics/network-tracker'
import type { KnownProcess, ProcessStatsSource } from '../platform/metrics/process-stats'
import { SchedstatSampler } from '../platform/metrics/schedstat'
import { breachesIn, forHistory } from './activity-history'

/** What a domain service adds to the live picture: its worker pool and its processes. */
export interface ActivityContribution {
  readonly pool?: PoolSample
  readonly processes?: readonly KnownProcess[]
}

export interface ActivityDeps {
  bus: EventBus
  log: Logger
  network: NetworkTracker
  processStats: ProcessStatsSource
  contributions: () => ActivityContribution[]
  now: () => number
  /** Sampling period; at least two updates a second. */
  periodMs?: number
  /** How long main keeps samples for activity:history. */
  historyMs?: number
  /** A watcher that stops renewing (a closed or crashed window) stops receiving samples. */
  leaseMs?: number
  /** Main's thread from the kernel; the real /proc reader when not given. */
  schedstat?: Pick<SchedstatSampler, 'sample'>
}

export interface ActivityMonitor {
  readonly handlers: Handlers<ActivityChannel>
  readonly loop: LoopDelayMonitor
  close(): void
}

export const HISTORY_MS = 5 * 60_000

/**
 * Samples the app from the start, 2 Hz, into a bounded five-minute history, so a view opened
 * mid-import shows what came before it; samples are pushed as `activity:sample` events only
 * while someone watches. Sampling with nobody watching costs main a few /proc reads and one
 * histogram swap per half second (bench/activity-cost.ts measures it).
 */
export function setupActivityMonitor(deps: ActivityDeps): ActivityMonitor {
  const period = deps.periodMs ?? 500
  const lease = deps.leaseMs ?? 10_000
  const history = new RingBuffer<ActivitySample>(
    Math.max(1, Math.ceil((deps.historyMs ?? HISTORY_MS) / period))
  )
  const schedstat = deps.schedstat ?? new SchedstatSampler()
  const loop = new LoopDelayMonitor()
  /** Watcher → its lease's end and loop delay since it began. */
  const leases = new Map<string, { until: number; span: LoopDelaySpan }>()
  const release = (watcher: string): LoopSpan | null => {
    const ended = leases.get(watcher)?.span.end() ?? null
    leases.delete(watcher)
    return ended
  }
  const watched = (): boolean => {
    const now = deps.now()
    for (const [watcher, { until }] of leases) if (until <= now) release(watcher)
    return leases.size > 0
  }
  let last: ActivitySample | null = null
  let windowStart = performance.now()
  let sampling = false

  const sample = async (): Promise<void> => {
    if (sampling) return
    sampling = true
    try {
      const contributions = deps.contributions()
      const pools = contributions.flatMap((c) => (c.pool ? [c.pool] : []))
      const known = contributions.flatMap((c) => c.processes ?? [])
      const [processes, loopSample] = await Promise.all([
        deps.processStats.sample(known),
        loop.read()
      ])
      const at = performance.now()
      const partial: ActivitySample = {
        at: deps.now(),
        windowMs: Math.max(1, at - windowStart),
        loop: loopSample,
        sched: schedstat.sample(),
        processes,
        rendererMeasured: deps.processStats.includesRenderer,
        pool: pools[0] ?? null,
        network: deps.network.read()
      }
      windowStart = at
      // Counted over the history as it will be once this sample is in (the oldest dropped).
      const kept = history.toArray()
      const span = [...(kept.length === history.capacity ? kept.slice(1) : kept), partial]
      last = { ...partial, breaches: breachesIn(span, activityBudgets) }
      history.push(forHistory(last))
      if (watched()) deps.bus.emit('activity:sample', last)
    } catch (error) {
      deps.log.warn('activity sample failed', { error })
    } finally {
      sampling = false
    }
  }

  loop.start()
  schedstat.sample() // the first reading only sets the baseline
  const timer = setInterval(() => void sample(), period)
  // The history must never keep a quitting app (or a finished test) alive.
  timer.unref()

  return {
    loop,
    handlers: {
      'activity:watch': ({ watcher, watching }) => {
        let loopSpan: LoopSpan | null
        if (watching) {
          const held = leases.get(watcher)
          const span = held?.span ?? new LoopDelaySpan()
          leases.set(watcher, { until: deps.now() + lease, span })
          loopSpan = span.read()
        } else loopSpan = release(watcher)
        watched()
        return { watchers: leases.size, loop: loopSpan }
      },
      'activity:snapshot': () => last,
      // Each sample carries the breach counts as they were when it was made.
      'activity:history': () => ({
        periodMs: period,
        capacity: history.capacity,
        budgets: { ...activityBudgets },
        samples: history.toArray()
      })
    },
    close: () => {
      for (const watcher of [...leases.keys()]) release(watcher)
      clearInterval(timer)
      loop.stop()
    }
  }
}
