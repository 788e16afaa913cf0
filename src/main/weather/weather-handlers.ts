import { AppFailure, type WeatherChannel } from '@shared/contract'
import { HISTORY_SERIES_MAX, type GeoPlace, type PlaceView } from '@shared/contract/weather'
import type { GeoHit } from '@shared/weather/forecast-schema'
import type { Handlers } from '../platform/ipc/router'
import type { OpenMeteoClient } from './open-meteo/open-meteo-client'
import type { RefreshScheduler } from './refresh-scheduler'
import type { PlaceRepository } from './store/place-repository'
import type { ReportRepository } from './store/report-repository'
import type { ForecastDayRepository } from './store/forecast-day-repository'
import type { ObservationRepository } from './store/observation-repository'
import { insightHandlers } from './weather-insight-handlers'
import type { WeatherRefresher } from './weather-refresher'

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

export interface WeatherDesk {
  readonly places: PlaceRepository
  readonly reports: ReportRepository
  readonly days: ForecastDayRepository
  readonly observations: ObservationRepository
  readonly client: OpenMeteoClient
  readonly refresher: WeatherRefresher
  readonly scheduler: RefreshScheduler
  readonly now: () => number
  /** The place list as the window shows it. */
  views(): PlaceView[]
  /** Pushes the new list to the window and returns it. */
  changed(): { places: PlaceView[] }
  /** Applies the report-retention setting. */
  purge(): void
  /** Refreshes without waiting; failures are already reported per place by the refresher. */
  refreshInBackground(ids: number[]): void
}

/** The weather desk's requests, each checked against the contract. */
export function weatherHandlers(desk: WeatherDesk): Handlers<WeatherChannel> {
  const {
    places,
    reports,
    client,
    refresher,
    scheduler,
    views,
    changed,
    purge,
    refreshInBackground
  } = desk
  const refreshAll = async () => {
    const outcomes = await refresher.refresh(places.list().map((p) => p.id))
    purge()
    return { outcomes }
  }
  return {
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
      if (!existing) refreshInBackground([place.id])
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
      // Back from offline, every place failed since: all of them go out again.
      const offline = refresher.connection().offline
      const failed = places
        .list()
        .filter((p) => offline || refresher.status(p).state === 'error')
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
    'weather:history': (q) => reports.history(q),
    'weather:history-series': ({ placeId, from, to, limit }) => ({
      placeId,
      ...reports.series({ placeId, from, to, limit: limit ?? HISTORY_SERIES_MAX })
    }),
    'weather:connectivity': () => refresher.connection(),
    ...insightHandlers(desk)
  }
}
