import { join } from 'node:path'
import { readConfig } from '../core/config'
import { createCore } from '../core/core'
import { headlessDesktop } from '../platform/desktop'
import { createLogger } from '../platform/log'
import { NodeLauncher } from '../platform/process/node-launcher'
import { StoreOpenError } from '../platform/store/database'
import { newToken } from './host-auth'
import { HostLockError, acquireHostLock, type HostLock } from './host-lock'
import { startHost } from './http-host'

/**
 * `npm run host`: the same main-process core as the Electron app, under plain Node, serving
 * the built renderer to a browser on 127.0.0.1. Environment:
 *   SKYFOLIO_USER_DATA  user-data folder (default: the app's own)
 *   SKYFOLIO_PORT       port (default: a free one)
 * One host per user-data folder: a second one is refused (host-lock.ts).
 */
async function main(): Promise<void> {
  const config = readConfig()
  const log = createLogger('host', config.logLevel)
  const here = __dirname
  const userDataDir = config.userDataDir ?? config.defaultUserDataDir
  let lock: HostLock
  try {
    // Before the database opens: a second host on the same folder is refused, not raced.
    lock = acquireHostLock(userDataDir)
  } catch (error) {
    if (error instanceof HostLockError) {
      console.error(error.message)
      process.exit(2)
    }
    throw error
  }
  let core
  try {
    core = createCore({
      config,
      userDataDir,
      runtime: 'headless',
      version: config.version,
      launcher: new NodeLauncher(),
      workerEntry: (name) => join(here, `${name}.js`),
      desktop: headlessDesktop,
      log
    })
  } catch (error) {
    if (error instanceof StoreOpenError) {
      console.error(error.message)
      process.exit(2)
    }
    throw error
  }
  const host = await startHost({
    core,
    rendererDir: join(here, '../renderer'),
    token: newToken(),
    log,
    port: config.port
  })
  // The one line a person (or the e2e fixture) reads: the URL with this run's token.
  console.log(`Skyfolio headless host: open ${host.url}`)

  let stopping = false
  const stop = async (): Promise<void> => {
    await host.close()
    await core.close()
    lock.release()
  }
  const onSignal = (): void => {
    if (stopping) return
    stopping = true
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('the host did not stop cleanly', { error })
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

main().catch((error) => {
  console.error(
    'Skyfolio headless host failed to start:',
    error instanceof Error ? error.message : error
  )
  process.exit(1)
})
