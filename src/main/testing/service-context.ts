import { join } from 'node:path'
import { headlessDesktop } from '../desktop'
import { EventBus } from '../ipc/event-bus'
import { memoryLogger } from '../log'
import { NetworkTracker } from '../metrics/network-tracker'
import { appPaths } from '../paths'
import type { ServiceContext } from '../service'
import { openDatabase } from '../store/database'
import { migrations } from '../store/migrations'
import { SettingsRepository } from '../store/settings-repository'
import { TaskTracker } from '../tasks/task-tracker'
import { sourceLauncher, sourceWorkerEntry } from './source-workers'

/**
 * A complete service context on a real SQLite file below `dir`, with workers run from source
 * and every pushed event recorded.
 */
export function testServiceContext(dir: string, overrides: Partial<ServiceContext> = {}) {
  const paths = appPaths(dir)
  const db = openDatabase(join(dir, 'skyfolio.db'), { migrations })
  const log = memoryLogger()
  const bus = new EventBus(log)
  const events: Array<{ event: string; payload: unknown }> = []
  bus.connect((event, payload) => events.push({ event, payload }))
  const ctx: ServiceContext = {
    db,
    bus,
    tasks: new TaskTracker(() => undefined),
    settings: new SettingsRepository(db),
    log,
    paths,
    launcher: sourceLauncher(),
    workerEntry: sourceWorkerEntry,
    desktop: headlessDesktop,
    fetch,
    network: new NetworkTracker(),
    now: Date.now,
    env: {},
    ...overrides
  }
  return { ctx, events, log, close: () => db.close() }
}
