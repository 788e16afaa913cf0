import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname } from 'node:path'
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

/** Streams a file from below root; 404 for anything missing or outside it. */
export async function serveFile(
  res: ServerResponse,
  root: string,
  relative: string,
  headers: Record<string, string> = {}
): Promise<void> {
  // Resolved through real paths: a symbolic link inside root cannot lead outside it.
  const file = await resolveExistingInside(root, relative)
  const info = file ? await stat(file).catch(() => null) : null
  if (!file || !info) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  res.writeHead(200, { 'content-type': contentType(file), 'content-length': info.size, ...headers })
  createReadStream(file).pipe(res)
}
