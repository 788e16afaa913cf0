import type { WeatherChannel } from '@shared/contract'
import type { PlaceView } from '@shared/contract/weather'
import type { Service, ServiceContext } from '../core/service'
import { OpenMeteoClient } from './open-meteo/open-meteo-client'
import { PlaceRepository } from './store/place-repository'
import { ReportRepository } from './store/report-repository'
import { ForecastDayRepository } from './store/forecast-day-repository'
import { ObservationRepository } from './store/observation-repository'
import { WeatherObserver } from './weather-observer'
import { RefreshScheduler } from './refresh-scheduler'
import { WeatherRefresher } from './weather-refresher'
import { resolveBaseUrls } from './open-meteo/weather-urls'
import { weatherHandlers, type WeatherDesk } from './weather-handlers'
import { CallBudget } from './open-meteo/call-budget'
import { realSleep } from './open-meteo/sleep'
import { pastWeatherSource, type PastWeatherSource } from './past-weather-source'

/**
 * The weather desk: places, batched async fetching and every report stored. All network work
 * is async I/O here in main; the window only ever reads stored rows and hears events.
 */
export function setupWeather(
  ctx: ServiceContext
): Service<WeatherChannel> & { readonly pastWeather: PastWeatherSource } {
  const { bus, now } = ctx
  const places = new PlaceRepository(ctx.db, now)
  const reports = new ReportRepository(ctx.db)
  const days = new ForecastDayRepository(ctx.db)
  const observations = new ObservationRepository(ctx.db)
  const client = new OpenMeteoClient({
    fetch: ctx.fetch,
    now,
    baseUrls: () =>
      resolveBaseUrls(ctx.settings.get().weatherBaseUrl, ctx.config.weatherUrl ?? undefined),
    track: (host, label) => ctx.network.start(host, label),
    log: ctx.log.child('open-meteo'),
    budget: new CallBudget(now, realSleep, 65_000),
    onEvent: (e) => {
      if (e.type === 'paused')
        ctx.log.warn('Open-Meteo host paused', { api: e.api, until: e.until })
    }
  })
  const observer = new WeatherObserver({
    client,
    days,
    observations,
    reports,
    now,
    log: ctx.log.child('observed'),
    onStored: (placeIds, count) => bus.emit('weather:observations-stored', { placeIds, count })
  })
  const refresher = new WeatherRefresher({
    client,
    places,
    reports,
    observer,
    now,
    log: ctx.log,
    tasks: ctx.tasks,
    onStatus: (placeId, status) => bus.emit('weather:place-status', { placeId, status }),
    onStored: (report) => bus.emit('weather:report-stored', { report }),
    onConnectivity: (state) => bus.emit('weather:connectivity', state)
  })

  const views = (): PlaceView[] =>
    places.list().map((p) => {
      const { lastError: _e, lastAttemptAt: _a, ...place } = p
      return { ...place, latest: reports.latestSummary(p.id), status: refresher.status(p) }
    })
  const changed = (): { places: PlaceView[] } => {
    const result = { places: views() }
    bus.emit('weather:places-changed', result)
    return result
  }

  const purge = (): void => {
    const days = ctx.settings.get().reportRetentionDays
    if (days === null) return
    const count = reports.purgeBefore(now() - days * 86_400_000)
    if (count > 0) {
      ctx.log.info('old reports removed by the retention setting', { count })
      bus.emit('weather:reports-purged', { count })
    }
  }

  const scheduler = new RefreshScheduler({
    now,
    intervalMin: () => ctx.settings.get().refreshIntervalMin,
    places: () =>
      places.list().map((p) => ({
        id: p.id,
        lastFetchedAt: reports.latestSummary(p.id)?.fetchedAt ?? null,
        lastAttemptAt: p.lastAttemptAt
      })),
    isRefreshing: (id) => refresher.isRefreshing(id),
    refresh: async (ids) => {
      await refresher.refresh(ids)
      purge()
    },
    log: ctx.log,
    enabled: ctx.config.autoRefresh
  })

  const desk: WeatherDesk = {
    places,
    reports,
    days,
    observations,
    now,
    client,
    refresher,
    scheduler,
    views,
    changed,
    purge,
    refreshInBackground: (ids) => {
      refresher
        .refresh(ids)
        .catch((error: unknown) =>
          ctx.log.error('background refresh failed', { error: String(error) })
        )
    }
  }

  return {
    handlers: weatherHandlers(desk),
    pastWeather: pastWeatherSource(client),
    start() {
      purge()
      scheduler.start()
    },
    async close() {
      scheduler.stop()
      await refresher.close()
    }
  }
}
