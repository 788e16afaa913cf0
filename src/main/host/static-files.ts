import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname } from 'node:path'
import type { Logger } from '../platform/log'
import { resolveExistingInside } from '../security/protocol-paths'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

export const contentType = (file: string): string =>
  types[extname(file).toLowerCase()] ?? 'application/octet-stream'

const notFound = (res: ServerResponse): void => {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
}

const unreadable = (res: ServerResponse): void => {
  for (const name of res.getHeaderNames()) res.removeHeader(name)
  res.writeHead(500, { 'content-type': 'text/plain' }).end('This file could not be read')
}

// A FIFO swapped in after the check opens at once instead of holding a thread until a writer
// comes; on regular files the flag changes nothing.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Streams a file from below root: 404 for anything missing, outside it or not a regular
 * file; 500 when it cannot be read (the headers wait for the first bytes, so a file that fails
 * at once still gets an error status). A failure ends this response, never the host.
 */
export async function serveFile(
  res: ServerResponse,
  root: string,
  relative: string,
  log: Logger,
  headers: Record<string, string> = {}
): Promise<void> {
  // Resolved through real paths: a symbolic link inside root cannot lead outside it.
  const file = await resolveExistingInside(root, relative)
  if (!file) return notFound(res)
  let handle: FileHandle
  let info: Stats
  try {
    handle = await open(file, READ_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return notFound(res)
    log.warn('could not open a served file', { code })
    return unreadable(res)
  }
  try {
    info = await handle.stat()
  } catch (error) {
    await handle.close()
    log.warn('could not read a served file', { code: (error as NodeJS.ErrnoException).code })
    return unreadable(res)
  }
  if (!info.isFile()) {
    await handle.close()
    return notFound(res)
  }
  res.statusCode = 200
  res.setHeader('content-type', contentType(file))
  res.setHeader('content-length', info.size)
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  const stream = handle.createReadStream()
  stream.on('error', (error: NodeJS.ErrnoException) => {
    log.warn('could not read a served file', { code: error.code })
    if (!res.headersSent) unreadable(res)
    else res.destroy()
  })
  // A client that goes away mid-file releases the file at once.
  res.on('close', () => stream.destroy())
  stream.pipe(res)
}
