import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import type { Core } from '../core/core'
import type { Logger } from '../platform/log'
import { MEDIA_BATCH_PREFIX } from '@shared/library/media-batch'
import { documentHeaders } from '../security/csp'
import { authorize, tokenCookieName, tokensMatch, type HostIdentity } from './host-auth'
import { badRequest, parseTarget, sameOriginLocation, sendSignInPage } from './host-pages'
import { SOCKET_CEILING_BYTES, serveSocket } from './host-socket'
import { answerMediaBatch } from './media-batch'
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
  /** The cookie the token travels in after the first visit (named for the port). */
  readonly cookieName: string
  close(): Promise<void>
}

const BRIDGE_TAG = '<script type="module" src="/host-bridge.js"></script>'

/**
 * Serves the built renderer and carries the contract over a WebSocket, on loopback only.
 * Nothing a request carries may end the host: every parse is guarded, every stream and socket
 * has an error listener, and a failure ends only that request.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { core, token, log } = options
  let host: HostIdentity = { token, origin: '', cookieName: '' }
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
    const url = parseTarget(req.url, host.origin)
    if (!url) return badRequest(res)
    const given = url.searchParams.get('token')
    if (given !== null) {
      if (!tokensMatch(given, token)) return sendSignInPage(res, host.origin, true)
      url.searchParams.delete('token')
      res.writeHead(302, {
        'set-cookie': `${host.cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: sameOriginLocation(url)
      })
      res.end()
      return
    }
    const decision = authorize(req.headers, host)
    if (decision === 'unauthorized') return sendSignInPage(res, host.origin, false)
    if (decision === 'forbidden-origin') {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden origin')
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
    if (path.startsWith(MEDIA_BATCH_PREFIX)) {
      const answer = await answerMediaBatch(url, core.mediaRoots, log)
      res.writeHead(answer.status, answer.headers)
      res.end(req.method === 'HEAD' ? undefined : answer.body)
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
      await serveFile(res, root, media[2]!, log, {
        'cache-control': 'private, max-age=31536000, immutable'
      })
      return
    }
    await serveFile(res, options.rendererDir, path, log, { 'x-content-type-options': 'nosniff' })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('host request failed', { path: req.url?.split('?')[0], error })
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_CEILING_BYTES })
  server.on('upgrade', (req, socket, head) => {
    // Node hands the socket over without its error listener: a reset must not become uncaught.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      log.debug('a socket failed before it was served', { code: error.code })
    )
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    const url = parseTarget(req.url, host.origin)
    if (!url) return refuse('400 Bad Request')
    const decision = authorize(req.headers, host)
    if (decision !== 'ok') {
      log.warn('refused a socket', { reason: decision })
      return refuse(decision === 'forbidden-origin' ? '403 Forbidden' : '401 Unauthorized')
    }
    if (url.pathname !== '/ws') return refuse('404 Not Found')
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, core, log))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  host = { token, origin: `http://127.0.0.1:${port}`, cookieName: tokenCookieName(port) }

  return {
    url: `${host.origin}/?token=${token}`,
    origin: host.origin,
    cookieName: host.cookieName,
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
