import type { Logger } from '../platform/log'

export interface DuePlace {
  id: number
  lastFetchedAt: number | null
  lastAttemptAt: number | null
}

export interface SchedulerDeps {
  now: () => number
  intervalMin: () => number
  places: () => DuePlace[]
  isRefreshing: (id: number) => boolean
  refresh: (ids: number[]) => Promise<void>
  log: Logger
  enabled: boolean
  /** How often to look for due places; the interval setting itself is read at each look. */
  checkEveryMs?: number
  /** First look after start: the window opens on stored data before any network work. */
  firstCheckMs?: number
}

/** Places whose last report (or failed attempt) is older than the refresh interval. */
export function duePlaces(list: DuePlace[], nowMs: number, intervalMin: number): number[] {
  const interval = intervalMin * 60_000
  return list
    .filter((p) => {
      const last = Math.max(p.lastFetchedAt ?? 0, p.lastAttemptAt ?? 0)
      return nowMs - last >= interval
    })
    .map((p) => p.id)
}

/** Automatic refresh: due places, looked for every minute, so a changed interval applies soon. */
export class RefreshScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null
  private busy = false

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (!this.deps.enabled) return
    this.schedule(this.deps.firstCheckMs ?? 2_000)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** The places due now. */
  due(): number[] {
    return duePlaces(this.deps.places(), this.deps.now(), this.deps.intervalMin())
  }

  /** One look: refreshes what is due. Exposed for tests. */
  async check(): Promise<number[]> {
    if (this.busy) return []
    const ids = duePlaces(this.deps.places(), this.deps.now(), this.deps.intervalMin()).filter(
      (id) => !this.deps.isRefreshing(id)
    )
    if (ids.length === 0) return ids
    this.busy = true
    try {
      await this.deps.refresh(ids)
    } catch (error) {
      this.deps.log.warn('automatic refresh failed', { error })
    } finally {
      this.busy = false
    }
    return ids
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.check()
        .catch((error: unknown) => this.deps.log.warn('automatic refresh check failed', { error }))
        .finally(() => {
          if (this.timer !== null) this.schedule(this.deps.checkEveryMs ?? 60_000)
        })
    }, ms)
    this.timer.unref?.()
  }
}
