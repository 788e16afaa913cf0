import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { createBatcher } from '@shared/contract/batcher'
import { wsClientMessageSchema, type WsServerFrame } from '@shared/contract/wire'
import type { Core } from '../core/core'
import type { Logger } from '../platform/log'
import { documentHeaders } from '../security/csp'
import { TOKEN_COOKIE, authorize, tokensMatch } from './host-auth'
import { serveFile } from './static-files'

export interface HostOptions {
  readonly core: Pick<Core, 'router' | 'bus' | 'mediaRoots'>
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  readonly token: string
  readonly log: Logger
  readonly port?: number
}

export interface RunningHost {
  /** The URL to open: it carries the token once, then a cookie does. */
  readonly url: string
  readonly origin: string
  close(): Promise<void>
}

const BRIDGE_TAG = '<script type="module" src="/host-bridge.js"></script>'
const MAX_FRAME_BYTES = 1 << 20

/** Serves the built renderer and carries the contract over a WebSocket, on loopback only. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { core, token, log } = options
  let origin = ''
  let indexHtml: string | null = null

  const loadIndex = async (): Promise<string> => {
    if (indexHtml === null) {
      const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8')
      // The bridge builds window.api before the app's own module runs (module scripts run in order).
      indexHtml = html.replace('<script', `${BRIDGE_TAG}\n    <script`)
    }
    return indexHtml
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', origin)
    const given = url.searchParams.get('token')
    if (given !== null) {
      if (!tokensMatch(given, token)) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized')
        return
      }
      url.searchParams.delete('token')
      res.writeHead(302, {
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search
      })
      res.end()
      return
    }
    const decision = authorize(req.headers, token, origin)
    if (decision !== 'ok') {
      res.writeHead(decision === 'unauthorized' ? 401 : 403, { 'content-type': 'text/plain' })
      res.end(decision === 'unauthorized' ? 'Unauthorized' : 'Forbidden origin')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const path = url.pathname
    if (path === '/' || path === '/index.html') {
      const html = await loadIndex()
      res.writeHead(200, {
        ...documentHeaders,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store'
      })
      res.end(html)
      return
    }
    const media = /^\/media\/([a-z-]+)\/(.+)$/.exec(path)
    if (media) {
      const name = media[1]!
      const root = Object.hasOwn(core.mediaRoots, name) ? core.mediaRoots[name] : undefined
      if (!root) {
        res.writeHead(404).end()
        return
      }
      await serveFile(res, root, media[2]!, {
        'cache-control': 'private, max-age=31536000, immutable'
      })
      return
    }
    await serveFile(res, options.rendererDir, path, { 'x-content-type-options': 'nosniff' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log.error('host request failed', { path: req.url?.split('?')[0], error })
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin)
    const decision = url.pathname === '/ws' ? authorize(req.headers, token, origin) : 'unauthorized'
    if (decision !== 'ok') {
      log.warn('refused a socket', { reason: decision })
      const status = decision === 'forbidden-origin' ? '403 Forbidden' : '401 Unauthorized'
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws))
  })

  const serveSocket = (ws: WebSocket): void => {
    const send = createBatcher<WsServerFrame>((frames) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frames))
    }, setImmediate)
    const disconnect = core.bus.connect((event, payload) => send({ kind: 'event', event, payload }))
    const inflight = new AbortController()
    ws.on('close', () => {
      disconnect()
      inflight.abort()
    })
    ws.on('message', (data) => {
      let frames
      try {
        frames = wsClientMessageSchema.parse(JSON.parse(data.toString()))
      } catch {
        log.warn('dropped a malformed socket message')
        return
      }
      for (const { id, channel, params } of frames) {
        core.router
          .dispatch(channel, params, { signal: inflight.signal })
          .then((envelope) => send({ kind: 'reply', id, envelope }))
      }
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${token}`,
    origin,
    async close() {
      for (const client of wss.clients) client.terminate()
      wss.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}
