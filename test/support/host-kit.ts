import { mkdirSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import type { ImportProgress } from '@shared/contract'
import { startHost, type RunningHost } from '../../src/main/host/http-host'
import { EventBus } from '../../src/main/platform/ipc/event-bus'
import { createRouter, type Handlers } from '../../src/main/platform/ipc/router'
import { memoryLogger } from '../../src/main/platform/log'
import { stubAppHandlers } from './app-handlers'
import { useTempDir } from './temp-dir'

export const TEST_TOKEN = 'test-token-123'

export interface TestHost {
  readonly host: RunningHost
  readonly bus: EventBus
  readonly log: ReturnType<typeof memoryLogger>
  readonly dir: string
  /** Headers of the host's own page: the token cookie and the host's Origin. */
  readonly auth: { cookie: string; origin: string }
  readonly wsUrl: string
}

export interface TestHostOptions {
  readonly handlers?: Partial<Handlers>
  readonly mediaRoots?: Record<string, string>
}

/** Starts a real host (startHost, on loopback) over a small built renderer in `dir`. */
export async function startTestHost(dir: string, options: TestHostOptions = {}): Promise<TestHost> {
  const rendererDir = join(dir, 'renderer')
  const media = join(dir, 'thumbs')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  mkdirSync(media)
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./assets/app.js"></script></head></html>'
  )
  writeFileSync(join(rendererDir, 'assets/app.js'), 'console.log(1)')
  writeFileSync(join(media, 'a.webp'), 'RIFF')
  writeFileSync(join(dir, 'secret.txt'), 'do not serve')
  const log = memoryLogger()
  const bus = new EventBus(log)
  const router = createRouter(stubAppHandlers(options.handlers), log)
  const host = await startHost({
    core: { router, bus, mediaRoots: { thumbnails: media, ...options.mediaRoots } },
    rendererDir,
    token: TEST_TOKEN,
    log
  })
  return {
    host,
    bus,
    log,
    dir,
    auth: { cookie: `${host.cookieName}=${TEST_TOKEN}`, origin: host.origin },
    wsUrl: host.origin.replace('http', 'ws') + '/ws'
  }
}

/** A fresh host per call, with the app's stub handlers; each is closed after its test. */
export function useTestHosts(): (options?: TestHostOptions) => Promise<TestHost> {
  const tempDir = useTempDir()
  const running: RunningHost[] = []
  afterEach(async () => {
    for (const h of running.splice(0)) await h.close()
  })
  return async (options = {}) => {
    const started = await startTestHost(tempDir(), options)
    running.push(started.host)
    return started
  }
}

export interface RawResponse {
  readonly status: number
  readonly head: string
  readonly body: string
}

/**
 * Sends bytes exactly as given (a target or header no client library would send) and reads
 * the answer until the host closes the connection.
 */
export function rawRequest(origin: string, request: string): Promise<RawResponse> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request))
    let data = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const split = data.indexOf('\r\n\r\n')
      const head = split < 0 ? data : data.slice(0, split)
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: split < 0 ? '' : data.slice(split + 4)
      })
    })
  })
}

/** A GET (or WebSocket upgrade) request with these headers, closing after the answer. */
export function requestText(
  target: string,
  headers: Record<string, string> = {},
  upgrade = false
): string {
  const lines = [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1']
  if (upgrade) {
    lines.push(
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='
    )
  } else lines.push('Connection: close')
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  return lines.join('\r\n') + '\r\n\r\n'
}

export function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))))
    ws.once('error', reject)
  })
}

/** Collects every frame the host sends on this socket. */
export function collectFrames(ws: WebSocket): unknown[] {
  const frames: unknown[] = []
  ws.on('message', (d) => frames.push(...(JSON.parse(d.toString()) as unknown[])))
  return frames
}

/** Resolves with the close code once the socket is closed. */
export const closed = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1)
    ws.once('close', (code) => resolve(code))
  })

export const idleProgress: ImportProgress = {
  batchId: null,
  state: 'idle',
  discovering: false,
  discovered: 0,
  done: 0,
  failed: 0,
  skipped: 0,
  duplicates: 0,
  downloading: 0,
  perSecond: 0,
  etaSeconds: null,
  startedAt: null,
  workers: 0
}

/** A `library:import` handler that records what reached it, after the contract's checks. */
export function recordingImport(): {
  readonly calls: Array<{ paths: string[]; urls: string[] }>
  readonly handlers: Partial<Handlers>
} {
  const calls: Array<{ paths: string[]; urls: string[] }> = []
  return {
    calls,
    handlers: {
      'library:import': (params) => {
        calls.push(params)
        return { ...idleProgress, discovered: params.paths.length + params.urls.length }
      }
    }
  }
}
