import type { AppError } from '@shared/contract'
import type { PlaceStatus, RefreshOutcome, ReportSummary } from '@shared/contract/weather'
import type { Logger } from '../platform/log'
import type { TaskTracker } from '../platform/tasks/task-tracker'
import { allAborted } from './open-meteo/abort-signals'
import type { OpenMeteoClient } from './open-meteo/open-meteo-client'
import type { PlaceRepository, StoredPlace } from './store/place-repository'
import type { ReportRepository } from './store/report-repository'
import { WeatherFetchError } from './open-meteo/weather-errors'

export interface RefresherDeps {
  client: OpenMeteoClient
  places: PlaceRepository
  reports: ReportRepository
  now: () => number
  log: Logger
  tasks?: TaskTracker
  /** Places per request; Open-Meteo takes lists of coordinates and answers an array. */
  batchSize?: number
  onStatus?: (placeId: number, status: PlaceStatus) => void
  onStored?: (report: ReportSummary) => void
}

interface Job {
  place: StoredPlace
  controller: AbortController
}

const TASK_ID = 'weather-refresh'
const asAppError = (e: unknown): AppError =>
  e instanceof WeatherFetchError
    ? { code: e.code, message: e.message }
    : { code: 'internal', message: 'The refresh failed unexpectedly. The details are in the log.' }

/**
 * Turns "refresh these places" into batched requests, stores each good answer as a new report,
 * and keeps every place's status: one place's failure never touches another's.
 */
export class WeatherRefresher {
  private readonly running = new Map<number, AbortController>()
  private readonly statuses = new Map<number, PlaceStatus>()
  private readonly pending = new Set<Promise<unknown>>()
  private total = 0
  private done = 0
  private closed = false

  constructor(private readonly deps: RefresherDeps) {}

  isRefreshing(placeId: number): boolean {
    return this.running.has(placeId)
  }

  status(place: StoredPlace): PlaceStatus {
    const known = this.statuses.get(place.id)
    const pausedUntil = this.deps.client.pausedUntil('forecast')
    if (known) return { ...known, pausedUntil }
    return {
      state: place.lastError ? 'error' : 'idle',
      error: place.lastError,
      lastAttemptAt: place.lastAttemptAt,
      pausedUntil
    }
  }

  /** Refreshes the places; a newer refresh of a place supersedes (cancels) its older one. */
  refresh(placeIds: readonly number[]): Promise<RefreshOutcome[]> {
    if (this.closed) return Promise.resolve([])
    const jobs: Job[] = []
    for (const id of new Set(placeIds)) {
      const place = this.deps.places.get(id)
      if (!place || place.removed) continue
      this.running.get(id)?.abort()
      const controller = new AbortController()
      this.running.set(id, controller)
      this.setStatus(place.id, {
        state: 'refreshing',
        error: null,
        lastAttemptAt: this.deps.now(),
        pausedUntil: null
      })
      jobs.push({ place, controller })
    }
    this.track(jobs.length, 0)
    const size = this.deps.batchSize ?? 10
    const batches: Job[][] = []
    for (let i = 0; i < jobs.length; i += size) batches.push(jobs.slice(i, i + size))
    const work = Promise.all(batches.map((b) => this.runBatch(b))).then((r) => r.flat())
    this.pending.add(work)
    void work.finally(() => this.pending.delete(work)).catch(() => undefined)
    return work
  }

  /** Cancels a place's refresh (it was removed). */
  cancel(placeId: number): void {
    this.running.get(placeId)?.abort()
    this.running.delete(placeId)
    this.statuses.delete(placeId)
  }

  /** Cancels everything in flight and waits for it to wind down (at quit). */
  async close(): Promise<void> {
    this.closed = true
    for (const c of this.running.values()) c.abort()
    await Promise.allSettled([...this.pending])
    this.deps.tasks?.end(TASK_ID)
  }

  private async runBatch(jobs: Job[]): Promise<RefreshOutcome[]> {
    const { client } = this.deps
    const signal = allAborted(jobs.map((j) => j.controller.signal))
    const points = jobs.map((j) => j.place)
    // Different hosts: forecast and air quality go out side by side.
    const [forecast, air] = await Promise.allSettled([
      client.forecast(points, signal),
      client.airQuality(points, signal)
    ])
    const fetchedAt = this.deps.now()
    const outcomes = jobs.map((job, i) => this.settle(job, i, fetchedAt, forecast, air))
    this.track(0, jobs.length)
    return outcomes
  }

  private settle(
    job: Job,
    index: number,
    fetchedAt: number,
    forecast: PromiseSettledResult<Awaited<ReturnType<OpenMeteoClient['forecast']>>>,
    air: PromiseSettledResult<Awaited<ReturnType<OpenMeteoClient['airQuality']>>>
  ): RefreshOutcome {
    const { place, controller } = job
    const mine = this.running.get(place.id) === controller
    if (mine) this.running.delete(place.id)
    if (controller.signal.aborted) {
      // Superseded, removed or quitting: the newer refresh (if any) owns the status now.
      if (mine) this.setStatus(place.id, { ...this.status(place), state: 'idle' })
      return {
        placeId: place.id,
        reportId: null,
        error: { code: 'cancelled', message: 'The refresh was cancelled.' }
      }
    }
    if (forecast.status === 'rejected') {
      const error = asAppError(forecast.reason)
      if (!(forecast.reason instanceof WeatherFetchError)) {
        this.deps.log.error('refresh failed unexpectedly', { error: forecast.reason })
      }
      this.deps.places.recordAttempt(place.id, error)
      this.setStatus(place.id, {
        state: 'error',
        error,
        lastAttemptAt: this.deps.now(),
        pausedUntil: null
      })
      return { placeId: place.id, reportId: null, error }
    }
    const summary = this.deps.reports.insert(place.id, fetchedAt, {
      forecast: forecast.value[index]!,
      airQuality: air.status === 'fulfilled' ? air.value[index]! : null,
      airQualityError: air.status === 'rejected' ? asAppError(air.reason) : null
    })
    this.deps.places.recordAttempt(place.id, null)
    this.setStatus(place.id, {
      state: 'idle',
      error: null,
      lastAttemptAt: this.deps.now(),
      pausedUntil: null
    })
    this.deps.onStored?.(summary)
    return { placeId: place.id, reportId: summary.id, error: null }
  }

  private setStatus(placeId: number, status: PlaceStatus): void {
    const withPause = { ...status, pausedUntil: this.deps.client.pausedUntil('forecast') }
    this.statuses.set(placeId, withPause)
    this.deps.onStatus?.(placeId, withPause)
  }

  /** One status-bar task for all refreshes in flight: "3 of 12 places". */
  private track(added: number, finished: number): void {
    const tasks = this.deps.tasks
    this.total += added
    this.done += finished
    if (this.done >= this.total) {
      this.total = 0
      this.done = 0
      tasks?.end(TASK_ID)
      return
    }
    tasks?.set({
      id: TASK_ID,
      kind: 'weather',
      label: 'Refreshing weather',
      progress: this.total ? this.done / this.total : null,
      detail: `${this.done} of ${this.total} places`
    })
  }
}
