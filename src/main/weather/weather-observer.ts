import type { ObservedLocation } from '@shared/weather/forecast-schema'
import {
  addDays,
  daysBetween,
  fixedDateKey,
  localDateKey,
  type DateKey
} from '@shared/weather/zoned-time'
import type { Logger } from '../platform/log'
import type { OpenMeteoClient } from './open-meteo/open-meteo-client'
import { isCancelled, WeatherFetchError } from './open-meteo/weather-errors'
import type { ForecastDayRepository } from './store/forecast-day-repository'
import type { ObservationRepository } from './store/observation-repository'
import type { StoredPlace } from './store/place-repository'
import type { ReportRepository } from './store/report-repository'

export interface ObserverDeps {
  client: OpenMeteoClient
  days: ForecastDayRepository
  observations: ObservationRepository
  reports: ReportRepository
  now: () => number
  log: Logger
  /** Places per request, as for forecasts. */
  batchSize?: number
  onStored?: (placeIds: number[], count: number) => void
}

/** Days this recent come from the forecast API's `past_days`; older ones from the archive. */
export const RECENT_DAYS = 5
/** A day asked for but not answered (the archive lags) is not asked again before this. */
export const HOLD_UNANSWERED_MS = 6 * 3_600_000
/** The longest range one archive request asks for; older days follow on later calls. */
export const ARCHIVE_MAX_DAYS = 366

interface Want {
  place: StoredPlace
  today: DateKey
  recent: DateKey[]
  old: DateKey[]
}

type Source = 'forecast' | 'archive'

/**
 * Fetches what the days the stored reports predicted were really like, once per place and day,
 * through the same client (host admission, 429 pauses, retries) as the forecasts.
 */
export class WeatherObserver {
  private readonly heldUntil = new Map<string, number>()

  constructor(private readonly deps: ObserverDeps) {}

  /** Fetches and stores the missing past days of `places`; resolves with the days stored. */
  async observe(places: readonly StoredPlace[], signal?: AbortSignal): Promise<number> {
    const wants = places.map((p) => this.want(p)).filter((w): w is Want => w !== null)
    const size = this.deps.batchSize ?? 10
    let stored = 0
    const touched = new Set<number>()
    for (let i = 0; i < wants.length; i += size) {
      const batch = wants.slice(i, i + size)
      for (const source of ['forecast', 'archive'] as const) {
        const group = batch.filter((w) => this.daysOf(w, source).length > 0)
        if (group.length === 0) continue
        const answer = await this.ask(group, source, signal)
        if (answer === 'cancelled') return this.done(stored, touched)
        if (!answer) continue
        group.forEach((w, j) => {
          const n = this.store(w, answer[j]!, source)
          stored += n
          if (n > 0) touched.add(w.place.id)
        })
      }
    }
    return this.done(stored, touched)
  }

  private done(stored: number, touched: Set<number>): number {
    if (stored > 0) this.deps.onStored?.([...touched], stored)
    return stored
  }

  private want(place: StoredPlace): Want | null {
    const latest = this.deps.reports.latestSummary(place.id)
    if (!latest) return null
    const zone = { timezone: latest.timezone, utcOffsetSeconds: latest.utcOffsetSeconds }
    const today = localDateKey(Math.floor(this.deps.now() / 1000), zone)
    const missing = this.deps.days
      .unobservedBefore(place.id, today)
      .filter((d) => (this.heldUntil.get(`${place.id}|${d}`) ?? 0) <= this.deps.now())
    if (missing.length === 0) return null
    return {
      place,
      today,
      recent: missing.filter((d) => daysBetween(d, today) <= RECENT_DAYS),
      old: missing.filter((d) => daysBetween(d, today) > RECENT_DAYS)
    }
  }

  private daysOf(w: Want, source: Source): DateKey[] {
    return source === 'forecast' ? w.recent : w.old
  }

  /** One request for the group; null when it failed (logged: the next refresh asks again). */
  private async ask(
    group: Want[],
    source: Source,
    signal?: AbortSignal
  ): Promise<ObservedLocation[] | null | 'cancelled'> {
    const points = group.map((w) => w.place)
    try {
      if (source === 'forecast') {
        const pastDays = Math.max(
          ...group.map((w) => Math.max(...w.recent.map((d) => daysBetween(d, w.today))))
        )
        return await this.deps.client.recentDays(points, pastDays, signal)
      }
      const all = group.flatMap((w) => w.old).sort()
      const end = all[all.length - 1]!
      const start =
        all[0]! < addDays(end, 1 - ARCHIVE_MAX_DAYS) ? addDays(end, 1 - ARCHIVE_MAX_DAYS) : all[0]!
      return await this.deps.client.archive(points, start, end, signal)
    } catch (error) {
      if (isCancelled(error) || signal?.aborted) return 'cancelled'
      const e = error instanceof WeatherFetchError ? error : null
      this.deps.log.warn('past weather could not be fetched; asked again on the next refresh', {
        source,
        places: points.length,
        kind: e?.kind ?? 'unexpected',
        message: e?.message ?? String(error)
      })
      return null
    }
  }

  private store(w: Want, loc: ObservedLocation, source: Source): number {
    const wanted = new Set(this.daysOf(w, source))
    const fetchedAt = this.deps.now()
    let stored = 0
    loc.daily.time.forEach((t, i) => {
      const date = fixedDateKey(t, loc.utc_offset_seconds)
      if (!wanted.delete(date)) return
      const high = loc.daily.temperature_2m_max[i] ?? null
      const low = loc.daily.temperature_2m_min[i] ?? null
      if (high === null && low === null) {
        this.hold(w.place.id, date)
        return
      }
      const observation = {
        date,
        high,
        low,
        precipitationSum: loc.daily.precipitation_sum[i] ?? null,
        weatherCode: loc.daily.weather_code[i] ?? null
      }
      if (this.deps.observations.insert(w.place.id, observation, source, fetchedAt)) stored++
    })
    // Asked for but not in the answer (not in yet): left for a while.
    for (const date of wanted) this.hold(w.place.id, date)
    return stored
  }

  private hold(placeId: number, date: DateKey): void {
    this.heldUntil.set(`${placeId}|${date}`, this.deps.now() + HOLD_UNANSWERED_MS)
  }
}
