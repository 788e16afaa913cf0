import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const repoRoot = resolve(__dirname, '../..')

export interface SourceHost {
  readonly child: ChildProcess
  readonly url: string
  readonly origin: string
  readonly token: string
  /** Everything the host wrote to stderr so far (its log). */
  readonly stderr: () => string
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | string>
}

/** Runs the headless host (`npm run host`'s entry) from source through tsx, on loopback. */
export function spawnSourceHost(userDataDir: string): {
  child: ChildProcess
  exited: Promise<number | string>
  stderr: () => string
  stdout: () => string
} {
  // Only the host's own settings: nothing from the caller's environment leaks in.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SKYFOLIO_'))
  )
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/host/host-main.ts'], {
    cwd: repoRoot,
    env: {
      ...env,
      SKYFOLIO_USER_DATA: userDataDir,
      SKYFOLIO_WEATHER_AUTOREFRESH: '0',
      // Loopback only: a weather request, if any, fails at once instead of going out.
      SKYFOLIO_WEATHER_URL: 'http://127.0.0.1:9'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? -1))
  )
  return { child, exited, stderr: () => err, stdout: () => out }
}

/** Starts a host from source and waits for the URL line it prints. */
export async function startSourceHost(userDataDir: string): Promise<SourceHost> {
  const { child, exited, stderr, stdout } = spawnSourceHost(userDataDir)
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  const url = await new Promise<string>((found, fail) => {
    const timer = setTimeout(() => {
      void stop()
      fail(new Error(`the host did not print its URL within 60 s\n${stderr()}`))
    }, 60_000)
    const look = (): void => {
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout())
      if (!match) return
      clearTimeout(timer)
      found(match[1]!)
    }
    child.stdout!.on('data', look)
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`the host exited (${code}) before printing its URL\n${stderr()}`))
    })
  })
  const parsed = new URL(url)
  return {
    child,
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    stderr,
    stop,
    exited
  }
}
