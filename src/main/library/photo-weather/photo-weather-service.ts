import type { PhotoWeatherChannel } from '@shared/contract'
import type { Service, ServiceContext } from '../../core/service'
import type { PastWeatherSource } from '@shared/weather/past-weather'
import { PhotoWeatherQueries } from './photo-weather-queries'
import { PhotoWeatherQueue } from './photo-weather-queue'
import { PhotoWeatherStore } from './photo-weather-store'
import { photoWeatherHandlers } from './photo-weather-handlers'

const TASK_ID = 'photo-weather'

/**
 * Photo weather: the weather when each photo was taken, fetched in the background (async I/O
 * in main, beside the image workers) once the user opts in. Library events wake the queue.
 */
export function setupPhotoWeather(
  ctx: ServiceContext,
  source: PastWeatherSource
): Service<PhotoWeatherChannel> & { readonly queue: PhotoWeatherQueue } {
  const store = new PhotoWeatherStore(ctx.db)
  const queries = new PhotoWeatherQueries(ctx.db)
  const enabled = (): boolean => ctx.settings.get().photoWeather
  const queue = new PhotoWeatherQueue({
    store,
    source,
    now: ctx.now,
    log: ctx.log,
    enabled,
    onStatus: (status) => {
      ctx.bus.emit('photo-weather:status-changed', status)
      const open = status.pending - status.waiting
      if (status.state === 'off' || status.state === 'idle' || open <= 0) ctx.tasks.end(TASK_ID)
      else {
        ctx.tasks.set({
          id: TASK_ID,
          kind: 'weather',
          label: 'Photo weather',
          progress:
            status.eligible > 0 ? (status.eligible - status.pending) / status.eligible : null,
          detail: status.note ?? `${status.pending} photos to go`
        })
      }
    },
    onLinked: (count) => ctx.bus.emit('photo-weather:linked', { count })
  })
  let debounce: ReturnType<typeof setTimeout> | null = null
  const disconnect = ctx.bus.connect((event) => {
    if (event === 'settings:changed') queue.kick()
    // New photos arrive through the library's events: gather them, then queue them.
    else if (event.startsWith('library:') && debounce === null) {
      debounce = setTimeout(() => {
        debounce = null
        queue.kick()
      }, 1_000)
    }
  })
  return {
    handlers: photoWeatherHandlers({ ctx, store, queries, queue }),
    queue,
    start() {
      queue.kick()
    },
    async close() {
      disconnect()
      if (debounce) clearTimeout(debounce)
      queue.close()
      await queue.idle()
    }
  }
}
