import type { ActivitySample, LoopSpan, PoolSample, ActivityChannel } from '@shared/contract'
import type { EventBus } from '../platform/ipc/event-bus'
import type { Handlers } from '../platform/ipc/router'
import type { Logger } from '../platform/log'
import { LoopDelayMonitor, LoopDelaySpan } from '../platform/metrics/loop-delay'
import type { NetworkTracker } from '../platform/metrics/network-tracker'
import type { KnownProcess, ProcessStatsSource } from '../platform/metrics/process-stats'

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
  /** A watcher that stops renewing (a closed or crashed window) stops costing anything. */
  leaseMs?: number
}

export interface ActivityMonitor {
  readonly handlers: Handlers<ActivityChannel>
  readonly loop: LoopDelayMonitor
  close(): void
}

/** Samples the app while someone watches and pushes `activity:sample` events. */
export function setupActivityMonitor(deps: ActivityDeps): ActivityMonitor {
  const period = deps.periodMs ?? 500
  const lease = deps.leaseMs ?? 10_000
  const loop = new LoopDelayMonitor()
  /** Watcher → its lease's end and loop delay since it began; sampling stops with the last. */
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
  let timer: ReturnType<typeof setInterval> | null = null
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
      last = {
        at: deps.now(),
        windowMs: Math.max(1, at - windowStart),
        loop: loopSample,
        processes,
        rendererMeasured: deps.processStats.includesRenderer,
        pool: pools[0] ?? null,
        network: deps.network.read()
      }
      windowStart = at
      deps.bus.emit('activity:sample', last)
    } catch (error) {
      deps.log.warn('activity sample failed', { error })
    } finally {
      sampling = false
    }
    if (!watched()) stop()
  }

  const start = (): void => {
    if (timer) return
    loop.start()
    windowStart = performance.now()
    timer = setInterval(() => void sample(), period)
  }
  const stop = (): void => {
    if (timer) clearInterval(timer)
    timer = null
    loop.stop()
  }

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
        if (watched()) start()
        else stop()
        return { watchers: leases.size, loop: loopSpan }
      },
      'activity:snapshot': () => last
    },
    close: () => {
      for (const watcher of [...leases.keys()]) release(watcher)
      stop()
    }
  }
}
