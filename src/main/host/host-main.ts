import { join } from 'node:path'
import { readConfig } from '../core/config'
import { createCore } from '../core/core'
import { headlessDesktop } from '../platform/desktop'
import { createLogger } from '../platform/log'
import { NodeLauncher } from '../platform/process/node-launcher'
import { StoreOpenError } from '../platform/store/database'
import { newToken } from './host-auth'
import { startHost } from './http-host'

/**
 * `npm run host`: the same main-process core as the Electron app, under plain Node, serving
 * the built renderer to a browser on 127.0.0.1. Environment:
 *   SKYFOLIO_USER_DATA  user-data folder (default: the app's own)
 *   SKYFOLIO_PORT       port (default: a free one)
 */
async function main(): Promise<void> {
  const config = readConfig()
  const log = createLogger('host', config.logLevel)
  const here = __dirname
  let core
  try {
    core = createCore({
      config,
      userDataDir: config.userDataDir ?? config.defaultUserDataDir,
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
    if (stopping) return
    stopping = true
    await host.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(
    'Skyfolio headless host failed to start:',
    error instanceof Error ? error.message : error
  )
  process.exit(1)
})
