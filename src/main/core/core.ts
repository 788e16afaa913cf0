import { setupApp } from './app-handlers'
import type { DesktopBridge } from '../platform/desktop'
import { EventBus } from '../platform/ipc/event-bus'
import { createRouter, type Router } from '../platform/ipc/router'
import { setupLibrary } from '../library/library-service'
import type { Logger } from '../platform/log'
import { setupBench } from '../bench/bench-service'
import { setupActivityMonitor } from '../activity/activity-service'
import { NetworkTracker } from '../platform/metrics/network-tracker'
import { createNodeProcessStats, type ProcessStatsSource } from '../platform/metrics/process-stats'
import { appPaths, type AppPaths } from '../platform/paths'
import type { ProcessLauncher } from '../platform/process/launcher'
import type { AppConfig } from './config'
import type { ServiceContext } from './service'
import { openDatabase } from '../platform/store/database'
import { migrations } from './migrations'
import { SettingsRepository } from '../platform/store/settings-repository'
import { TaskTracker } from '../platform/tasks/task-tracker'
import { pathGrantsFor, type PathGrants } from '../security/path-grants'
import { setupWeather } from '../weather/weather-service'
import { setupPhotoWeather } from '../library/photo-weather/photo-weather-service'

export interface CoreOptions {
  readonly userDataDir: string
  readonly runtime: 'electron' | 'headless'
  readonly version: string
  readonly launcher: ProcessLauncher
  /** Absolute path of a built worker entry, by name ('image-worker'). */
  readonly workerEntry: (name: string) => string
  readonly desktop: DesktopBridge
  readonly log: Logger
  readonly fetch?: typeof fetch
  readonly now?: () => number
  /** Settings read once from the environment (core/config.ts). */
  readonly config: AppConfig
  /** Per-process CPU and memory; the OS's figures when not given (Electron passes its own). */
  readonly processStats?: ProcessStatsSource
}

/** The main-process core, identical under Electron and the headless host. */
export interface Core {
  readonly router: Router
  readonly bus: EventBus
  readonly paths: AppPaths
  /** Folders served read-only to the renderer under /media/<name>/. */
  readonly mediaRoots: Readonly<Record<string, string>>
  /** Paths the renderer may name; the shell adds what the user drops or pastes. */
  readonly grants: PathGrants
  close(): Promise<void>
}

/** Opens the store, wires every domain and starts them. Throws StoreOpenError on a bad database. */
export function createCore(options: CoreOptions): Core {
  const log = options.log
  const paths = appPaths(options.userDataDir)
  const db = openDatabase(paths.database, { migrations })
  const bus = new EventBus(log.child('events'))
  const tasks = new TaskTracker((status) => bus.emit('status:changed', status))
  const now = options.now ?? Date.now
  const settings = new SettingsRepository(db, now)
  const network = new NetworkTracker()
  const grants = pathGrantsFor(options.runtime)
  const ctx = (scope: string): ServiceContext => ({
    db,
    bus,
    tasks,
    settings,
    log: log.child(scope),
    paths,
    launcher: options.launcher,
    workerEntry: options.workerEntry,
    desktop: options.desktop,
    grants,
    fetch: options.fetch ?? globalThis.fetch,
    network,
    now,
    config: options.config
  })

  const weather = setupWeather(ctx('weather'))
  const library = setupLibrary(ctx('library'))
  const photoWeather = setupPhotoWeather(ctx('photo-weather'), weather.pastWeather)
  const processStats = options.processStats ?? createNodeProcessStats()
  const bench = setupBench(ctx('bench'), {
    processStats,
    appVersion: options.version,
    // The router is built below; a run starts only after a request reached it.
    refreshWeather: async () => {
      await router.dispatch('weather:refresh-all', {})
    }
  })
  const services = [weather, library, bench, photoWeather]
  const activity = setupActivityMonitor({
    bus,
    log: log.child('activity'),
    network,
    processStats,
    contributions: () => services.flatMap((s) => (s.activity ? [s.activity()] : [])),
    now
  })

  const router = createRouter(
    {
      ...setupApp({
        info: { name: 'Skyfolio', version: options.version, runtime: options.runtime },
        settings,
        tasks,
        bus,
        desktop: options.desktop
      }),
      ...weather.handlers,
      ...library.handlers,
      ...photoWeather.handlers,
      ...bench.handlers,
      ...activity.handlers
    },
    log.child('router')
  )
  for (const service of services) service.start?.()

  let closing: Promise<void> | null = null
  return {
    router,
    bus,
    paths,
    mediaRoots: Object.assign({}, ...services.map((s) => s.mediaRoots ?? {})),
    grants,
    close() {
      closing ??= (async () => {
        activity.close()
        await Promise.allSettled(services.map((s) => s.close()))
        tasks.dispose()
        db.close()
      })()
      return closing
    }
  }
}
