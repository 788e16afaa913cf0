import { resolve } from 'node:path'
import { NodeLauncher } from '../../src/main/platform/process/node-launcher'

const entries: Record<string, string> = {
  'echo-worker': 'test/support/echo-worker.ts',
  'faulty-image-worker': 'test/support/faulty-image-worker.ts',
  'image-worker': 'src/main/library/worker/image-worker.ts',
  'pairing-worker': 'src/main/library/pairing/pairing-worker.ts',
  'bench-thread': 'src/main/bench/worker/bench-thread.ts'
}

/** Worker entries straight from source, for unit tests (run through tsx). */
export function sourceWorkerEntry(name: string): string {
  const entry = entries[name]
  if (!entry) throw new Error(`no worker entry named ${name}`)
  return resolve(__dirname, '../..', entry)
}

export const sourceLauncher = (): NodeLauncher => new NodeLauncher(['--import', 'tsx'])
