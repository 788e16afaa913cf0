import type { PhotoWeatherStatus } from '@shared/contract/photo-weather'
import { addDays } from '@shared/weather/zoned-time'
import type { Logger } from '../../platform/log'
import { Coalesced } from './coalesced'
import { hoursOnDays, linkPending } from './cell-linker'
import type { PastRange, PastWeatherSource } from '@shared/weather/past-weather'
import type { PhotoWeatherStore } from './photo-weather-store'
import { planRequests, type CellDay, type PlannedRequest } from './request-planner'

export interface QueueDeps {
  readonly store: PhotoWeatherStore
  readonly source: PastWeatherSource
  readonly now: () => number
  readonly log: Logger
  readonly enabled: () => boolean
  readonly onStatus: (status: PhotoWeatherStatus) => void
  readonly onLinked: (count: number) => void
  /** Requests at once (the client admits two per host). */
  readonly parallel?: number
}

/** Recent days not over yet are asked again no sooner than this. */
const HOLD_RECENT_MS = 3_600_000
const OFFLINE_RETRY_MS = [15_000, 60_000, 300_000]
const ENQUEUE_CHUNK = 200
const PROGRESS_EVERY_MS = 250

type State = PhotoWeatherStatus['state']

const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r))
const utcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * The persisted queue (photo_weather_links): new photos are queued, their cell-days planned
 * into few requests, answers stored once per cell and hour, photos linked. Offline it pauses
 * and tries again later; at the provider's limit it waits until the limit allows; a restart
 * picks up whatever is still pending. Nothing already answered is asked again.
 */
export class PhotoWeatherQueue {
  private state: State = 'idle'
  private running: Promise<void> | null = null
  private again = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private controller = new AbortController()
  private resumesAt: number | null = null
  private note: string | null = null
  private offlineStrikes = 0
  private readonly held = new Map<string, number>()
  private linkedUnsent = 0
  // Progress goes out about four times a second, not once per request: each one costs the
  // status bar, the task list and the window a round of work.
  private readonly progress = new Coalesced(() => this.sendProgress(), PROGRESS_EVERY_MS)

  constructor(private readonly deps: QueueDeps) {}

  /** Runs (again) soon: after an import, a setting change, a restart. */
  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    if (this.timer) return
    this.running = this.loop().finally(() => {
      this.running = null
      if (this.again && this.timer === null) {
        this.again = false
        this.kick()
      }
    })
  }

  /** Resolves when the current run (if any) is over. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  status(): PhotoWeatherStatus {
    const c = this.deps.store.counts()
    const enabled = this.deps.enabled()
    const waiting = this.held.size
    return {
      enabled,
      state: enabled ? this.state : 'off',
      ...c,
      waiting,
      resumesAt: this.resumesAt,
      note: enabled ? this.note : null
    }
  }

  close(): void {
    this.progress.close()
    this.controller.abort()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private set(state: State, note: string | null = null, resumesAt: number | null = null): void {
    this.state = state
    this.note = note
    this.resumesAt = resumesAt
    this.progress.flush()
  }

  private later(ms: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.kick()
    }, ms)
    this.timer.unref?.()
  }

  private async loop(): Promise<void> {
    const { store, now } = this.deps
    if (!this.deps.enabled() || this.controller.signal.aborted) {
      this.set('idle')
      return
    }
    this.set('running')
    for (let after = 0; ; await yieldToLoop()) {
      const slice = store.enqueueNew(ENQUEUE_CHUNK, now(), after)
      if (slice.queued === 0) break
      after = slice.last
    }
    this.report(await linkPending(store, store.answered(), now()))
    const wanted = store.wanted().filter((w) => !this.isHeld(w))
    if (wanted.length === 0) {
      this.set('idle')
      return
    }
    const requests = planRequests(wanted, utcDate(now()))
    let next = 0
    let stop: 'offline' | 'limited' | 'cancelled' | null = null
    const worker = async (): Promise<void> => {
      while (stop === null && next < requests.length && this.deps.enabled()) {
        const outcome = await this.fetch(requests[next++]!)
        if (outcome !== 'ok') stop ??= outcome
      }
    }
    await Promise.all(Array.from({ length: this.deps.parallel ?? 2 }, worker))
    if (stop === null) {
      this.offlineStrikes = 0
      this.set('idle')
      // Photos imported meanwhile, or requests a disabled-then-enabled run skipped.
      if (store.wanted().length > 0) this.again = !this.isAllHeld()
    }
  }

  /** One planned request: asked, stored, its photos linked. */
  private async fetch(req: PlannedRequest): Promise<'ok' | 'offline' | 'limited' | 'cancelled'> {
    const { store, now, log } = this.deps
    const range: PastRange =
      req.kind === 'archive'
        ? { kind: 'archive', startDate: req.startDate, endDate: req.endDate }
        : { kind: 'recent', pastDays: req.pastDays }
    const answer = await this.deps.source.hours(req.cells, range, this.controller.signal)
    if (!answer.ok) {
      if (answer.kind === 'cancelled') return 'cancelled'
      if (answer.kind === 'offline') {
        const wait = OFFLINE_RETRY_MS[Math.min(this.offlineStrikes++, OFFLINE_RETRY_MS.length - 1)]!
        this.set(
          'paused-offline',
          'Open-Meteo cannot be reached; photo weather resumes when it can.',
          now() + wait
        )
        this.later(wait)
        return 'offline'
      }
      if (answer.kind === 'limited') {
        const until = answer.retryAt ?? now() + 60_000
        this.set('waiting-limit', answer.message, until)
        this.later(Math.max(1_000, until - now()))
        return 'limited'
      }
      log.warn('photo weather request failed', {
        kind: answer.kind,
        cells: req.cells.length,
        message: answer.message
      })
      if (answer.kind === 'refused') store.markDays(req.covers, 'refused', now())
      else for (const c of req.covers) this.held.set(`${c.cell}|${c.date}`, now() + HOLD_RECENT_MS)
      this.report(await linkPending(store, store.answered(), now()))
      return 'ok'
    }
    const t = now()
    const complete = addDays(utcDate(t), -1)
    for (const [i, cell] of req.cells.entries()) {
      // One cell's rows (a transaction of up to 14 × 24 hours) per turn of the loop: the
      // window stays smooth while a 50-cell answer lands.
      if (i > 0) await yieldToLoop()
      const loc = answer.locations[i]!
      const dates = new Set(req.covers.filter((c) => c.cell === cell.key).map((c) => c.date))
      const { rows, recorded } = hoursOnDays(loc, dates, Math.floor(t / 1000))
      const days: { date: string; state: 'stored' | 'missing' }[] = []
      for (const date of dates) {
        if (recorded.has(date) && (req.kind === 'archive' || date < complete)) {
          days.push({ date, state: 'stored' })
        } else if (req.kind === 'archive') {
          days.push({ date, state: 'missing' })
        } else {
          // A recent day not over (or not in yet): its photos link where their hour is stored.
          this.held.set(`${cell.key}|${date}`, t + HOLD_RECENT_MS)
        }
      }
      store.storeCell(cell.key, loc, rows, days, t)
    }
    const linked = await linkPending(store, store.answered(req.cells.map((c) => c.key)), t)
    this.report(linked)
    await yieldToLoop()
    return 'ok'
  }

  private report(linked: number): void {
    this.linkedUnsent += linked
    this.progress.request()
  }

  /** What was linked since the last report, then the status: one round for the window. */
  private sendProgress(): void {
    const linked = this.linkedUnsent
    this.linkedUnsent = 0
    if (linked > 0) this.deps.onLinked(linked)
    this.deps.onStatus(this.status())
  }

  private isHeld(w: CellDay): boolean {
    const until = this.held.get(`${w.cell}|${w.date}`)
    if (until === undefined) return false
    if (until <= this.deps.now()) {
      this.held.delete(`${w.cell}|${w.date}`)
      return false
    }
    return true
  }

  private isAllHeld(): boolean {
    return this.deps.store.wanted().every((w) => this.isHeld(w))
  }
}
