import { join } from 'node:path'
import { afterEach } from 'vitest'
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

/** `testCore` per call; each core is closed after its test. Call after `useTempDir()`. */
export function useTestCores(): (dir: string, options?: TestCoreOptions) => Core {
  const cores: Core[] = []
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()))
  })
  return (dir, options) => {
    const c = testCore(dir, options)
    cores.push(c)
    return c
  }
}
