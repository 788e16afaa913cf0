import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

export interface FixtureProcess {
  readonly url: string
  readonly child: ChildProcess
  stop(): void
}

/**
 * Starts the Open-Meteo fixture in its own process, so its JSON building never counts as the
 * benchmarked process's event-loop delay.
 */
export async function startFixtureProcess(
  latencyMs: number,
  extraArgs: readonly string[] = []
): Promise<FixtureProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(__dirname, '../../fixtures/open-meteo/cli.ts'),
      '--port',
      '0',
      '--latency',
      String(latencyMs),
      ...extraArgs
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: resolve(__dirname, '../..') }
  )
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((ok, fail) => {
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line)
      if (m) ok(m[1]!)
    })
    child.once('exit', (code) => fail(new Error(`fixture exited with ${code}`)))
  })
  return { url, child, stop: () => child.kill('SIGTERM') }
}
