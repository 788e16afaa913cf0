import type { PhotoWeatherChannel } from '@shared/contract'
import { offsetAt } from '@shared/weather/zoned-time'
import type { ServiceContext } from '../../core/service'
import type { Handlers } from '../../platform/ipc/router'
import { cellOf } from './cells'
import type { PhotoWeatherQueries } from './photo-weather-queries'
import type { PhotoWeatherQueue } from './photo-weather-queue'
import type { PhotoWeatherStore } from './photo-weather-store'

export interface PhotoWeatherDeps {
  ctx: ServiceContext
  store: PhotoWeatherStore
  queries: PhotoWeatherQueries
  queue: PhotoWeatherQueue
}

export function photoWeatherHandlers(d: PhotoWeatherDeps): Handlers<PhotoWeatherChannel> {
  const { ctx, queue, queries, store } = d
  return {
    'photo-weather:status': () => queue.status(),
    'photo-weather:set-enabled': ({ enabled }) => {
      const next = ctx.settings.update({ photoWeather: enabled })
      ctx.bus.emit('settings:changed', next)
      queue.kick()
      return queue.status()
    },
    'photo-weather:get': ({ photoId }) => queries.get(photoId),
    'photo-weather:filter': ({ limit, ...filter }) => queries.filter(filter, limit),
    'photo-weather:photos-here': (q) => queries.photosHere(q),
    'photo-weather:set-place': ({ photoIds, latitude, longitude, timezone }) => {
      const done = queries.setPlace(photoIds, latitude, longitude, timezone)
      const cell = cellOf(latitude, longitude).key
      if (timezone && store.zone(cell) === null) {
        // The zone the user's place came with, until Open-Meteo names the cell's own.
        const zone = { timezone, utcOffsetSeconds: 0 }
        const offset = offsetAt(Math.floor(ctx.now() / 1000), zone)
        store.storeCell(cell, { timezone, utcOffsetSeconds: offset }, [], [], ctx.now())
      }
      store.requeue(done, ctx.now())
      queue.kick()
      return { updated: done.length }
    }
  }
}
