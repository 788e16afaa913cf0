import { describe, expect, it } from 'vitest'
import { routeAppRequest } from './app-protocol-routes'

const renderer = '/opt/skyfolio/out/renderer'
const mediaRoots = { thumbnails: '/home/u/.config/Skyfolio/cache/thumbnails' }
const route = (url: string, method = 'GET') => routeAppRequest(url, method, renderer, mediaRoots)

describe('routeAppRequest', () => {
  it('serves the app document with document headers and no caching', () => {
    for (const url of ['app://skyfolio/', 'app://skyfolio/index.html', 'app://skyfolio/?x=1']) {
      expect(route(url)).toEqual({
        kind: 'file',
        root: renderer,
        relative: 'index.html',
        document: true,
        cache: 'no-store'
      })
    }
  })

  it('serves hashed build assets from the renderer folder as immutable', () => {
    expect(route('app://skyfolio/assets/index-abc.js')).toEqual({
      kind: 'file',
      root: renderer,
      relative: '/assets/index-abc.js',
      document: false,
      cache: 'immutable'
    })
  })

  it('serves media from the folder the core declares for it', () => {
    expect(route('app://skyfolio/media/thumbnails/ab/cd.webp')).toEqual({
      kind: 'file',
      root: mediaRoots.thumbnails,
      relative: 'ab/cd.webp',
      document: false,
      cache: 'immutable'
    })
  })

  it('keeps the path encoded so the resolver sees encoded traversal', () => {
    const r = route('app://skyfolio/media/thumbnails/..%2F..%2Fskyfolio.db')
    expect(r).toMatchObject({ kind: 'file', relative: '..%2F..%2Fskyfolio.db' })
  })

  it('hands a media batch to its own handler, which checks the root and files', () => {
    const r = route('app://skyfolio/media-batch/thumbnails?f=ab%2Fcd.webp')
    expect(r.kind).toBe('media-batch')
    expect(r.kind === 'media-batch' && r.url.searchParams.getAll('f')).toEqual(['ab/cd.webp'])
    expect(route('app://skyfolio/media-batch/thumbnails?f=a', 'POST').kind).toBe(
      'method-not-allowed'
    )
  })

  it('answers not-found for unknown media roots, including Object.prototype names', () => {
    for (const name of ['photos', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(route(`app://skyfolio/media/${name}/x.webp`)).toEqual({ kind: 'not-found' })
    }
    expect(route('app://skyfolio/media/thumbnails/')).toEqual({ kind: 'not-found' })
    expect(route('app://skyfolio/media/')).toEqual({ kind: 'not-found' })
  })

  it('does not serve the headless host bridge inside the app', () => {
    expect(route('app://skyfolio/host-bridge.js')).toEqual({ kind: 'not-found' })
  })

  it('refuses other hosts, ports and schemes', () => {
    for (const url of [
      'app://other/index.html',
      'app://skyfolio:1234/index.html',
      'https://skyfolio/index.html',
      'nonsense'
    ]) {
      expect(route(url)).toEqual({ kind: 'not-found' })
    }
  })

  it('only reads: GET and HEAD', () => {
    expect(route('app://skyfolio/index.html', 'HEAD')).toMatchObject({ kind: 'file' })
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(route('app://skyfolio/index.html', method)).toEqual({ kind: 'method-not-allowed' })
    }
  })
})
