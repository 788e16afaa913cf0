import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { answerMediaBatch } from '../host/media-batch'
import { contentType } from '../host/static-files'
import type { Logger } from '../platform/log'
import { APP_SCHEME } from '../security/app-origin'
import { routeAppRequest, type AppRoute } from '../security/app-protocol-routes'
import { documentHeaders } from '../security/csp'
import { resolveExistingInside } from '../security/protocol-paths'

const cacheControl: Record<Extract<AppRoute, { kind: 'file' }>['cache'], string> = {
  'no-store': 'no-store',
  revalidate: 'no-cache',
  immutable: 'private, max-age=31536000, immutable'
}

const plain = (status: number, text: string, extra: Record<string, string> = {}): Response =>
  new Response(text, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      ...extra
    }
  })

/**
 * Serves app://skyfolio/: the built renderer and the core's media folders, read-only. Every
 * path goes through the pure router and the resolver that refuses anything outside its folder;
 * documents carry the Content-Security-Policy.
 */
export function registerAppProtocol(options: {
  readonly rendererDir: string
  readonly mediaRoots: () => Readonly<Record<string, string>>
  readonly log: Logger
}): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const route = routeAppRequest(
      request.url,
      request.method,
      options.rendererDir,
      options.mediaRoots()
    )
    if (route.kind === 'method-not-allowed')
      return plain(405, 'Method not allowed', { allow: 'GET, HEAD' })
    if (route.kind === 'media-batch') {
      const answer = await answerMediaBatch(route.url, options.mediaRoots(), options.log)
      const body = request.method === 'HEAD' ? null : answer.body
      return new Response(body as BodyInit | null, {
        status: answer.status,
        headers: answer.headers
      })
    }
    const file =
      route.kind === 'file' ? await resolveExistingInside(route.root, route.relative) : null
    if (route.kind !== 'file' || !file) return plain(404, 'Not found')
    try {
      const response = await net.fetch(pathToFileURL(file).toString())
      if (!response.ok) return plain(404, 'Not found')
      const headers: Record<string, string> = {
        'content-type': contentType(file),
        'cache-control': cacheControl[route.cache],
        'x-content-type-options': 'nosniff',
        ...(route.document ? documentHeaders : {})
      }
      const length = response.headers.get('content-length')
      if (length) headers['content-length'] = length
      return new Response(request.method === 'HEAD' ? null : response.body, {
        status: 200,
        headers
      })
    } catch (error) {
      options.log.warn('app protocol could not read a file', { error })
      return plain(500, 'Could not read the file')
    }
  })
}
