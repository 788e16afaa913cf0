import { afterEach } from 'vitest'
import type { Core } from '../../src/main/core/core'
import { testCore, type TestCoreOptions } from './test-core-app'

export { testCore, type TestCoreOptions } from './test-core-app'

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
