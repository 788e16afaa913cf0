import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeMediaBatch, mediaBatchUrl } from '@shared/library/media-batch'
import {
  TEST_TOKEN,
  collectFrames,
  openSocket,
  rawRequest,
  requestText,
  useTestHosts
} from '../../../test/support/host-kit'

const start = useTestHosts()

describe('headless host over http', () => {
  it('trades the URL token for a cookie, then serves the page with the bridge and CSP', async () => {
    const { host, auth } = await start()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=test-token-123$/)
    const first = await fetch(host.url, { redirect: 'manual' })
    expect(first.status).toBe(302)
    expect(first.headers.get('set-cookie')).toBe(
      `skyfolio_token_${new URL(host.origin).port}=${TEST_TOKEN}; HttpOnly; SameSite=Strict; Path=/`
    )
    expect(first.headers.get('location')).toBe('/')
    const page = await fetch(host.origin + '/', { headers: { cookie: auth.cookie } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const html = await page.text()
    expect(html.indexOf('/host-bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'))
  })

  it('answers 401 without the token, on pages, assets and media alike', async () => {
    const { host } = await start()
    for (const path of ['/', '/assets/app.js', '/media/thumbnails/a.webp', '/?token=wrong']) {
      expect((await fetch(host.origin + path, { redirect: 'manual' })).status, path).toBe(401)
    }
  })

  it('tells someone without the token how to get in, not a bare "Unauthorized"', async () => {
    const { host } = await start()
    const page = await fetch(host.origin + '/')
    expect(page.status).toBe(401)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    const html = await page.text()
    expect(html).toContain('npm run host')
    expect(html).toContain(`${host.origin}/?token=`)
    expect(html).not.toContain(TEST_TOKEN)
    const stale = await (await fetch(host.origin + '/?token=from-another-run')).text()
    expect(stale).toMatch(/token from another run/)
  })

  it('refuses a foreign Origin even with the token', async () => {
    const { host, auth } = await start()
    const res = await fetch(host.origin + '/assets/app.js', {
      headers: { cookie: auth.cookie, origin: 'http://evil.example' }
    })
    expect(res.status).toBe(403)
  })

  it('serves media roots and never a file outside them', async () => {
    const { host, auth } = await start()
    const get = async (path: string) =>
      (await fetch(host.origin + path, { headers: { cookie: auth.cookie } })).status
    expect(await get('/media/thumbnails/a.webp')).toBe(200)
    expect(await get('/media/thumbnails/..%2F..%2Fsecret.txt')).toBe(404)
    expect(await get('/media/nope/a.webp')).toBe(404)
    expect(await get('/media/constructor/a')).toBe(404)
    expect(await get('/..%2Fsecret.txt')).toBe(404)
  })

  it('sends many thumbnails in one answer, behind the same sign-in', async () => {
    const { host, auth } = await start()
    const url = host.origin + mediaBatchUrl('thumbnails', ['a.webp', 'missing.webp'])
    expect((await fetch(url)).status).toBe(401)
    const res = await fetch(url, { headers: { cookie: auth.cookie } })
    expect(res.status).toBe(200)
    const files = decodeMediaBatch(await res.arrayBuffer(), 2)
    expect(files?.map((f) => (f ? Buffer.from(f).toString() : null))).toEqual(['RIFF', null])
    const outside = host.origin + '/media-batch/thumbnails?f=..%2F..%2Fsecret.txt'
    expect((await fetch(outside, { headers: { cookie: auth.cookie } })).status).toBe(404)
  })

  it('never redirects off its own origin, whatever the path looks like', async () => {
    const { host } = await start()
    for (const target of [
      `/.//evil.example/?token=${TEST_TOKEN}`,
      `//evil.example/?token=${TEST_TOKEN}`,
      `/%2e//evil.example/x?token=${TEST_TOKEN}`,
      `/\\evil.example/?token=${TEST_TOKEN}`
    ]) {
      const res = await rawRequest(host.origin, requestText(target))
      expect(res.status, target).toBe(302)
      const location = /\r\nlocation: (.*)/i.exec(res.head)?.[1] ?? ''
      expect(location, target).toMatch(/^\/(?![/\\])/)
      expect(new URL(location, host.origin).origin, target).toBe(host.origin)
    }
  })

  it('answers 400 to a request target it cannot read, and keeps serving', async () => {
    const { host, auth } = await start()
    for (const target of ['http://[/x', '*', 'http://evil.example/']) {
      expect((await rawRequest(host.origin, requestText(target, auth))).status, target).toBe(400)
    }
    expect((await fetch(host.origin + '/', { headers: { cookie: auth.cookie } })).status).toBe(200)
  })

  // /proc/self/mem is a regular file that fails on the first read, as root too.
  it.runIf(existsSync('/proc/self/mem'))(
    'answers 500 for a file that fails to read, and keeps serving',
    async () => {
      const { host, auth, log } = await start({ mediaRoots: { proc: '/proc/self' } })
      const res = await fetch(host.origin + '/media/proc/mem', { headers: { cookie: auth.cookie } })
      expect(res.status).toBe(500)
      expect(await res.text()).toBe('This file could not be read')
      expect(log.lines.join('\n')).toMatch(/could not read a served file.*EIO/)
      const ok = await fetch(host.origin + '/media/thumbnails/a.webp', {
        headers: { cookie: auth.cookie }
      })
      expect(await ok.text()).toBe('RIFF')
    }
  )
})

describe('headless host over WebSocket', () => {
  it('carries requests and pushed events for an authorised socket', async () => {
    const { bus, auth, wsUrl } = await start()
    const ws = await openSocket(wsUrl, auth)
    const frames = collectFrames(ws)
    ws.send(
      JSON.stringify([
        { id: 1, channel: 'app:status', params: {} },
        { id: 2, channel: 'no:such', params: {} }
      ])
    )
    ws.send('not json at all')
    ws.send(JSON.stringify({ id: 3, channel: 'app:status', params: {} })) // not a batch: dropped
    await expect.poll(() => frames.length).toBe(2)
    expect(frames).toContainEqual({
      kind: 'reply',
      id: 1,
      envelope: { ok: true, value: { tasks: [] } }
    })
    expect(frames).toContainEqual({
      kind: 'reply',
      id: 2,
      envelope: { ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) }
    })
    bus.emit('status:changed', { tasks: [] })
    await expect.poll(() => frames.length).toBe(3)
    expect(frames[2]).toEqual({ kind: 'event', event: 'status:changed', payload: { tasks: [] } })
    ws.close()
  })

  it('closes a socket without the token or from a foreign origin', async () => {
    const { auth, wsUrl } = await start()
    await expect(openSocket(wsUrl, { origin: auth.origin })).rejects.toThrow('401')
    await expect(
      openSocket(wsUrl, { cookie: auth.cookie, origin: 'http://evil.example' })
    ).rejects.toThrow('403')
  })
})
