import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../platform/log'

/** A loopback server for "Download and process": the sample's images, each after a delay. */
export interface ImageServer {
  /** The address of the i-th image. */
  url(index: number): string
  /** Images answered so far. */
  readonly served: number
  close(): Promise<void>
}

const IMAGE_PATH = /^\/images\/(\d{1,6})$/

/**
 * Serves `files[i]` at /images/i on 127.0.0.1 only, on a free port, each answer held back by
 * `latencyMs` before its headers (a far server's round trips). Nothing but those indices is
 * served, so no request names a path. It runs in the process that starts it: in the app that is
 * main, whose streaming of the files is then part of what the strategies cost it (small: the
 * bytes go through libuv, no JavaScript per chunk beyond the stream's).
 */
export async function startImageServer(
  files: readonly string[],
  latencyMs: number,
  log: Logger
): Promise<ImageServer> {
  let served = 0
  const refuse = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
  }
  const server = createServer((req, res) => {
    const match = IMAGE_PATH.exec(req.url ?? '')
    const file = match && req.method === 'GET' ? files[Number(match[1])] : undefined
    if (!file) return refuse(res, 404, 'No such image.')
    const timer = setTimeout(() => {
      stat(file)
        .then((info) => {
          if (res.destroyed) return
          res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': info.size })
          const stream = createReadStream(file)
          stream.on('error', (error) => {
            log.warn('bench image server: a file could not be read', { error })
            res.destroy(error)
          })
          stream.on('end', () => served++)
          stream.pipe(res)
        })
        .catch((error: unknown) => {
          log.warn('bench image server: a file is missing', { error })
          refuse(res, 500, 'The image could not be read.')
        })
    }, latencyMs)
    // A client that gives up (a cancelled run) is not answered.
    res.on('close', () => clearTimeout(timer))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: (index) => `http://127.0.0.1:${port}/images/${index}`,
    get served() {
      return served
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
