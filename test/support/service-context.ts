import { join } from 'node:path'
import { headlessDesktop } from '../../src/main/platform/desktop'
import { EventBus } from '../../src/main/platform/ipc/event-bus'
import { memoryLogger } from '../../src/main/platform/log'
import { NetworkTracker } from '../../src/main/platform/metrics/network-tracker'
import { appPaths } from '../../src/main/platform/paths'
import type { ServiceContext } from '../../src/main/core/service'
import { openDatabase } from '../../src/main/platform/store/database'
import { migrations } from '../../src/main/core/migrations'
import { SettingsRepository } from '../../src/main/platform/store/settings-repository'
import { TaskTracker } from '../../src/main/platform/tasks/task-tracker'
import { everyPathGranted } from '../../src/main/security/path-grants'
import { sourceLauncher, sourceWorkerEntry } from './source-workers'
import { testConfig } from './config'

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
    // As under the headless host: any path a test names is granted (override to test grants).
    grants: everyPathGranted(),
    fetch,
    network: new NetworkTracker(),
    now: Date.now,
    config: testConfig(),
    ...overrides
  }
  return { ctx, events, log, close: () => db.close() }
}
