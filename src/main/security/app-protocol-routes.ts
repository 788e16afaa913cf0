import { MEDIA_BATCH_PREFIX } from '@shared/library/media-batch'
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin'

/** The headless host's bridge script: never part of the app served over app://. */
const HOST_ONLY = new Set(['/host-bridge.js'])
const MEDIA = /^\/media\/([a-z0-9-]+)\/(.+)$/

export type AppRoute =
  | {
      readonly kind: 'file'
      /** Folder the file must stay inside (resolveInside checks `relative` against it). */
      readonly root: string
      /** The still-encoded URL path below root. */
      readonly relative: string
      /** A renderer document: gets the CSP and the other document headers. */
      readonly document: boolean
      readonly cache: 'no-store' | 'revalidate' | 'immutable'
    }
  /** Many media files in one answer (src/shared/library/media-batch.ts). */
  | { readonly kind: 'media-batch'; readonly url: URL }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed' }

/**
 * Maps an app://skyfolio/... request onto a folder: /media/<name>/<file> onto the core's media
 * roots, everything else onto the built renderer. Paths are not resolved here; the protocol
 * handler resolves `relative` inside `root`, which refuses anything outside it.
 */
export function routeAppRequest(
  rawUrl: string,
  method: string,
  rendererDir: string,
  mediaRoots: Readonly<Record<string, string>>
): AppRoute {
  const url = parseUrl(rawUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') {
    return { kind: 'not-found' }
  }
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'method-not-allowed' }
  const path = url.pathname
  if (path.startsWith(MEDIA_BATCH_PREFIX)) return { kind: 'media-batch', url }
  if (path === '/' || path === '/index.html') {
    return {
      kind: 'file',
      root: rendererDir,
      relative: 'index.html',
      document: true,
      cache: 'no-store'
    }
  }
  const media = MEDIA.exec(path)
  if (media) {
    const [, name, file] = media as unknown as [string, string, string]
    // Own properties only: 'constructor' or '__proto__' must not reach Object.prototype.
    const root = Object.hasOwn(mediaRoots, name) ? mediaRoots[name] : undefined
    if (typeof root !== 'string') return { kind: 'not-found' }
    return { kind: 'file', root, relative: file, document: false, cache: 'immutable' }
  }
  if (path.startsWith('/media/') || HOST_ONLY.has(path)) return { kind: 'not-found' }
  return {
    kind: 'file',
    root: rendererDir,
    relative: path,
    document: path.endsWith('.html'),
    // Hashed build assets never change under their name; anything else is checked again.
    cache: path.startsWith('/assets/') ? 'immutable' : 'revalidate'
  }
}
