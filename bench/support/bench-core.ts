import type { Envelope } from '@shared/contract'
import type { AppConfig } from '../../src/main/core/config'
import { createCore, type Core } from '../../src/main/core/core'
import { headlessDesktop } from '../../src/main/platform/desktop'
import { createLogger } from '../../src/main/platform/log'
import { sourceLauncher, sourceWorkerEntry } from '../../test/support/source-workers'

/** The app's headless core over `userDataDir`, workers run from source, logging errors only. */
export function benchCore(
  userDataDir: string,
  options: { config: AppConfig; fetch?: typeof fetch }
): Core {
  return createCore({
    userDataDir,
    runtime: 'headless',
    version: 'bench',
    launcher: sourceLauncher(),
    workerEntry: sourceWorkerEntry,
    desktop: headlessDesktop,
    log: createLogger('bench', 'error'),
    ...options
  })
}

/** One request through the core's router, as the window sends it; a refusal throws. */
export async function call<T = unknown>(
  core: Core,
  channel: string,
  params: unknown = {}
): Promise<T> {
  const envelope = (await core.router.dispatch(channel, params)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value
}
