import { AppFailure } from '@shared/contract'
import type { GeoPlace, PlaceView } from '@shared/contract/weather'
import type { GeoHit } from '@shared/weather/forecast-schema'
import type { Service, ServiceContext } from '../core/service'
import { OpenMeteoClient } from './open-meteo/open-meteo-client'
import { PlaceRepository } from './store/place-repository'
import { ReportRepository } from './store/report-repository'
import { RefreshScheduler } from './refresh-scheduler'
import { WeatherRefresher } from './weather-refresher'
import { resolveBaseUrls } from './open-meteo/weather-urls'

export type WeatherChannel =
  | 'weather:search'
  | 'weather:places'
  | 'weather:known-places'
  | 'weather:add-place'
  | 'weather:remove-place'
  | 'weather:restore-place'
  | 'weather:reorder-places'
  | 'weather:set-home'
  | 'weather:refresh'
  | 'weather:refresh-all'
  | 'weather:resume'
  | 'weather:report'
  | 'weather:latest'
  | 'weather:history'

export const toGeoPlace = (h: GeoHit): GeoPlace => ({
  geonameId: h.id,
  name: h.name,
  country: h.country ?? '',
  countryCode: (h.country_code ?? '').slice(0, 3),
  admin1: h.admin1 ?? null,
  admin2: h.admin2 ?? null,
  latitude: h.latitude,
  longitude: h.longitude,
  elevation: h.elevation ?? null,
  timezone: h.timezone ?? null,
  population: h.population ?? null
})

/**
 * The weather desk: places, batched async fetching and every report stored. All network work
 * is async I/O here in main; the window only ever reads stored rows and hears events.
 */
export function setupWeather(ctx: ServiceContext): Service<WeatherChannel> {
  const { bus, now } = ctx
  const places = new PlaceRepository(ctx.db, now)
  const reports = new ReportRepository(ctx.db)
  const client = new OpenMeteoClient({
    fetch: ctx.fetch,
    now,
    baseUrls: () =>
      resolveBaseUrls(ctx.settings.get().weatherBaseUrl, ctx.env.SKYFOLIO_WEATHER_URL),
    track: (host, label) => ctx.network.start(host, label),
    onEvent: (e) => {
      if (e.type === 'paused')
        ctx.log.warn('Open-Meteo host paused', { api: e.api, until: e.until })
    }
  })
  const refresher = new WeatherRefresher({
    client,
    places,
    reports,
    now,
    log: ctx.log,
    tasks: ctx.tasks,
    onStatus: (placeId, status) => bus.emit('weather:place-status', { placeId, status }),
    onStored: (report) => bus.emit('weather:report-stored', { report })
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
    enabled: ctx.env.SKYFOLIO_WEATHER_AUTOREFRESH !== '0'
  })

  const refreshAll = async () => {
    const outcomes = await refresher.refresh(places.list().map((p) => p.id))
    purge()
    return { outcomes }
  }

  return {
    handlers: {
      'weather:search': async ({ query }, rc) => ({
        results: (await client.search(query, 10, rc.signal)).map(toGeoPlace)
      }),
      'weather:places': () => ({ places: views() }),
      'weather:known-places': () => ({
        places: places.known().map(({ lastError: _e, lastAttemptAt: _a, ...p }) => p)
      }),
      'weather:add-place': (geo) => {
        const existing = places.findActive(geo.latitude, geo.longitude)
        const place = existing ?? places.add(geo)
        const list = changed()
        // The window shows the place at once; its first report arrives as an event.
        if (!existing) void refresher.refresh([place.id])
        return { place: list.places.find((p) => p.id === place.id)! }
      },
      'weather:remove-place': ({ id }) => {
        refresher.cancel(id)
        if (!places.remove(id)) throw new AppFailure('not_found', 'That place is not in the list.')
        return changed()
      },
      'weather:restore-place': ({ id }) => {
        const place = places.get(id)
        if (!place) throw new AppFailure('not_found', 'That place is no longer stored.')
        // Still listed, or added again since it was removed (restoring would list it twice).
        if (!place.removed || places.findActive(place.latitude, place.longitude)) {
          throw new AppFailure('conflict', `${place.name} is already in the list.`)
        }
        places.restore(id)
        return changed()
      },
      'weather:reorder-places': ({ ids }) => {
        places.reorder(ids)
        return changed()
      },
      'weather:set-home': ({ id }) => {
        places.setHome(id)
        return changed()
      },
      'weather:refresh': async ({ placeIds }) => {
        const ids = placeIds.length ? placeIds : places.list().map((p) => p.id)
        const outcomes = await refresher.refresh(ids)
        purge()
        return { outcomes }
      },
      'weather:refresh-all': refreshAll,
      'weather:resume': async () => {
        const failed = places
          .list()
          .filter((p) => refresher.status(p).state === 'error')
          .map((p) => p.id)
        const ids = [...new Set([...scheduler.due(), ...failed])].filter(
          (id) => !refresher.isRefreshing(id)
        )
        const outcomes = ids.length ? await refresher.refresh(ids) : []
        purge()
        return { outcomes }
      },
      'weather:report': ({ id }) => {
        const report = reports.get(id)
        if (!report) throw new AppFailure('not_found', 'That report is no longer stored.')
        return report
      },
      'weather:latest': ({ placeId }) => ({ report: reports.latest(placeId) }),
      'weather:history': (q) => reports.history(q)
    },
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
