import type { AppError } from '@shared/contract'
import type {
  Connectivity,
  PlaceStatus,
  RefreshOutcome,
  ReportSummary
} from '@shared/contract/weather'
import type { AirQualityLocation, ForecastLocation } from '@shared/weather/forecast-schema'
import type { Logger } from '../platform/log'
import { DISK_FULL_REFRESH, isDiskFull } from '../platform/store/store-faults'
import type { TaskTracker } from '../platform/tasks/task-tracker'
import { ConnectivityMonitor } from './connectivity'
import { allAborted } from './open-meteo/abort-signals'
import type { OpenMeteoClient } from './open-meteo/open-meteo-client'
import type { PlaceRepository, StoredPlace } from './store/place-repository'
import type { ReportRepository } from './store/report-repository'
import { WeatherFetchError } from './open-meteo/weather-errors'
import type { WeatherObserver } from './weather-observer'

export interface RefresherDeps {
  client: OpenMeteoClient
  places: PlaceRepository
  reports: ReportRepository
  now: () => number
  log: Logger
  tasks?: TaskTracker
  /** Fetches what past days were like after each refresh; none, none fetched. */
  observer?: WeatherObserver
  /** Places per request; Open-Meteo takes lists of coordinates and answers an array. */
  batchSize?: number
  onStatus?: (placeId: number, status: PlaceStatus) => void
  onStored?: (report: ReportSummary) => void
  onConnectivity?: (state: Connectivity) => void
}

interface Job {
  place: StoredPlace
  controller: AbortController
}

interface Fetched {
  jobs: Job[]
  fetchedAt: number
  forecast: PromiseSettledResult<ForecastLocation[]>
  air: PromiseSettledResult<AirQualityLocation[]>
}

const TASK_ID = 'weather-refresh'
const CANCELLED: AppError = { code: 'cancelled', message: 'The refresh was cancelled.' }
/** The words for a connection that could not be made; the socket's code is in the log. */
export const UNREACHABLE = 'Skyfolio could not reach Open-Meteo. Check the connection.'

const storeError = (e: unknown): AppError =>
  isDiskFull(e)
    ? { code: 'io', message: DISK_FULL_REFRESH }
    : { code: 'io', message: 'The report could not be saved. The details are in the log.' }
const asAppError = (e: unknown): AppError =>
  e instanceof WeatherFetchError
    ? { code: e.code, message: e.message }
    : { code: 'internal', message: 'The refresh failed unexpectedly. The details are in the log.' }

/** A stored error as shown: older versions kept socket codes in connection messages. */
const shown = (e: AppError | null): AppError | null =>
  e?.code === 'network' ? { code: 'network', message: UNREACHABLE } : e

const isUnreachable = (r: PromiseSettledResult<unknown>): boolean =>
  r.status === 'rejected' && r.reason instanceof WeatherFetchError && r.reason.kind === 'network'

/**
 * Turns "refresh these places" into batched requests, stores each good answer as a new report,
 * and keeps every place's status: one place's failure never touches another's. When a whole
 * round fails for want of a connection, that is the app's state (offline), not each place's.
 */
export class WeatherRefresher {
  private readonly running = new Map<number, AbortController>()
  private readonly statuses = new Map<number, PlaceStatus>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly observing = new Set<AbortController>()
  private readonly connectivity: ConnectivityMonitor
  private total = 0
  private done = 0
  private closed = false

  constructor(private readonly deps: RefresherDeps) {
    this.connectivity = new ConnectivityMonitor(deps.reports.lastFetchedAt(), (state) => {
      deps.log[state.offline ? 'warn' : 'info'](
        state.offline ? 'Open-Meteo unreachable: offline' : 'Open-Meteo reachable again',
        { ...state }
      )
      deps.onConnectivity?.(state)
    })
  }

  isRefreshing(placeId: number): boolean {
    return this.running.has(placeId)
  }

  /** Whether Open-Meteo can be reached, as the last refreshes found. */
  connection(): Connectivity {
    return this.connectivity.get()
  }

  status(place: StoredPlace): PlaceStatus {
    const known = this.statuses.get(place.id)
    const pausedUntil = this.deps.client.pausedUntil('forecast')
    if (known) return { ...known, pausedUntil }
    return {
      state: place.lastError ? 'error' : 'idle',
      error: shown(place.lastError),
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
    const work = Promise.all(batches.map((b) => this.fetchBatch(b))).then((f) => this.settle(f))
    this.pending.add(work)
    // The caller gets any failure through `work`; this only forgets it.
    const forget = (): void => void this.pending.delete(work)
    work.then(forget, forget)
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
    for (const c of this.observing) c.abort()
    await Promise.allSettled([...this.pending])
    this.deps.tasks?.end(TASK_ID)
  }

  private async fetchBatch(jobs: Job[]): Promise<Fetched> {
    const { client } = this.deps
    const signal = allAborted(jobs.map((j) => j.controller.signal))
    const points = jobs.map((j) => j.place)
    // Different hosts: forecast and air quality go out side by side.
    const [forecast, air] = await Promise.allSettled([
      client.forecast(points, signal),
      client.airQuality(points, signal)
    ])
    this.track(0, jobs.length)
    return { jobs, fetchedAt: this.deps.now(), forecast, air }
  }

  /** Settles the whole round at once, so a network gone shows as one state, not N errors. */
  private async settle(round: Fetched[]): Promise<RefreshOutcome[]> {
    const live = round.flatMap((b) =>
      b.jobs.filter((j) => !j.controller.signal.aborted).map(() => b)
    )
    const result = {
      attempted: live.length,
      succeeded: live.filter((b) => b.forecast.status === 'fulfilled').length,
      unreachable: live.filter((b) => isUnreachable(b.forecast)).length
    }
    const offline = ConnectivityMonitor.isUnreachable(result)
    const outcomes = round.flatMap((b) =>
      b.jobs.map((job, i) => this.settleOne(job, i, b, offline))
    )
    this.connectivity.roundEnded(this.deps.now(), result)
    const refreshed = outcomes
      .filter((o) => o.reportId !== null)
      .map((o) => this.deps.places.get(o.placeId)!)
    await this.observe(refreshed)
    return outcomes
  }

  private settleOne(job: Job, index: number, b: Fetched, offline: boolean): RefreshOutcome {
    const { place, controller } = job
    const mine = this.running.get(place.id) === controller
    if (mine) this.running.delete(place.id)
    if (controller.signal.aborted) {
      // Superseded, removed or quitting: the newer refresh (if any) owns the status now.
      if (mine) this.setStatus(place.id, { ...this.status(place), state: 'idle' })
      return { placeId: place.id, reportId: null, error: CANCELLED }
    }
    const attempt = { lastAttemptAt: this.deps.now(), pausedUntil: null }
    if (b.forecast.status === 'rejected') {
      const error = asAppError(b.forecast.reason)
      if (!(b.forecast.reason instanceof WeatherFetchError)) {
        this.deps.log.error('refresh failed unexpectedly', { error: b.forecast.reason })
      }
      // Offline is said once, by the app; the place keeps its last report and a stale badge.
      const ownFault = !offline
      this.remember(place.id, ownFault ? error : null)
      this.setStatus(place.id, {
        state: ownFault ? 'error' : 'idle',
        error: ownFault ? error : null,
        ...attempt
      })
      return { placeId: place.id, reportId: null, error }
    }
    let summary: ReportSummary
    try {
      summary = this.deps.reports.insert(place.id, b.fetchedAt, {
        forecast: b.forecast.value[index]!,
        airQuality: b.air.status === 'fulfilled' ? b.air.value[index]! : null,
        airQualityError: b.air.status === 'rejected' ? asAppError(b.air.reason) : null
      })
    } catch (writeError) {
      // A full disk (most often): the place says so; the refresh itself goes on for the others.
      this.deps.log.error('a report could not be stored', { place: place.id, error: writeError })
      const error = storeError(writeError)
      this.remember(place.id, error)
      this.setStatus(place.id, { state: 'error', error, ...attempt })
      return { placeId: place.id, reportId: null, error }
    }
    this.remember(place.id, null)
    this.setStatus(place.id, { state: 'idle', error: null, ...attempt })
    this.deps.onStored?.(summary)
    return { placeId: place.id, reportId: summary.id, error: null }
  }

  /** Past days of the places just refreshed; a failure here is logged, never the place's. */
  private async observe(places: StoredPlace[]): Promise<void> {
    const observer = this.deps.observer
    if (!observer || places.length === 0 || this.closed) return
    const controller = new AbortController()
    this.observing.add(controller)
    try {
      await observer.observe(places, controller.signal)
    } catch (error) {
      this.deps.log.error('storing past weather failed', { error })
    } finally {
      this.observing.delete(controller)
    }
  }

  /** Records the attempt; the status shown tells the user even when this cannot be written. */
  private remember(placeId: number, error: AppError | null): void {
    try {
      this.deps.places.recordAttempt(placeId, error)
    } catch (writeError) {
      this.deps.log.warn('a refresh attempt could not be recorded', { error: writeError })
    }
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
