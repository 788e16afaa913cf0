import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/core'
import { headlessDesktop, type DesktopBridge } from '../../src/main/platform/desktop'
import { memoryLogger } from '../../src/main/platform/log'
import { testConfig } from './config'
import { sourceLauncher, sourceWorkerEntry } from './source-workers'

export interface TestCoreOptions {
  /** 'headless' unless a test needs the Electron shell's rules. */
  readonly runtime?: CoreOptions['runtime']
  /** Desktop calls to record or answer; the rest are headless no-ops. */
  readonly desktop?: Partial<DesktopBridge>
}

/** The whole app core over `dir`, workers run from source, offline, no automatic refresh. */
export function testCore(dir: string, options: TestCoreOptions = {}): Core {
  return createCore({
    userDataDir: join(dir, 'user'),
    runtime: options.runtime ?? 'headless',
    version: 'test',
    launcher: sourceLauncher(),
    workerEntry: sourceWorkerEntry,
    desktop: { ...headlessDesktop, ...options.desktop },
    log: memoryLogger(),
    fetch: () => Promise.reject(new Error('offline')),
    config: testConfig()
  })
}
