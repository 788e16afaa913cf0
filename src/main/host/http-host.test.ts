import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { EventBus } from '../platform/ipc/event-bus'
import { createRouter } from '../platform/ipc/router'
import { memoryLogger } from '../platform/log'
import { stubAppHandlers } from '../../../test/support/app-handlers'
import { useTempDir } from '../../../test/support/temp-dir'
import { startHost, type RunningHost } from './http-host'

const tempDir = useTempDir()
const running: RunningHost[] = []
afterEach(async () => {
  for (const h of running.splice(0)) await h.close()
})

async function start() {
  const dir = tempDir()
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
  const router = createRouter(stubAppHandlers(), log)
  const host = await startHost({
    core: { router, bus, mediaRoots: { thumbnails: media } },
    rendererDir,
    token: 'test-token-123',
    log
  })
  running.push(host)
  return { host, bus, log }
}

const cookie = { cookie: 'skyfolio_token=test-token-123' }

describe('headless host over http', () => {
  it('trades the URL token for a cookie, then serves the page with the bridge and CSP', async () => {
    const { host } = await start()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=test-token-123$/)
    const first = await fetch(host.url, { redirect: 'manual' })
    expect(first.status).toBe(302)
    expect(first.headers.get('set-cookie')).toMatch(
      /skyfolio_token=test-token-123; HttpOnly; SameSite=Strict/
    )
    expect(first.headers.get('location')).toBe('/')
    const page = await fetch(host.origin + '/', { headers: cookie })
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

  it('refuses a foreign Origin even with the token', async () => {
    const { host } = await start()
    const res = await fetch(host.origin + '/assets/app.js', {
      headers: { ...cookie, origin: 'http://evil.example' }
    })
    expect(res.status).toBe(403)
  })

  it('serves media roots and never a file outside them', async () => {
    const { host } = await start()
    expect(
      (await fetch(host.origin + '/media/thumbnails/a.webp', { headers: cookie })).status
    ).toBe(200)
    expect(
      (await fetch(host.origin + '/media/thumbnails/..%2F..%2Fsecret.txt', { headers: cookie }))
        .status
    ).toBe(404)
    expect((await fetch(host.origin + '/media/nope/a.webp', { headers: cookie })).status).toBe(404)
    expect((await fetch(host.origin + '/media/constructor/a', { headers: cookie })).status).toBe(
      404
    )
    expect((await fetch(host.origin + '/..%2Fsecret.txt', { headers: cookie })).status).toBe(404)
  })
})

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))))
    ws.once('error', reject)
  })
}

describe('headless host over WebSocket', () => {
  it('carries requests and pushed events for an authorised socket', async () => {
    const { host, bus } = await start()
    const ws = await openSocket(host.origin.replace('http', 'ws') + '/ws', {
      ...cookie,
      origin: host.origin
    })
    const frames: unknown[] = []
    ws.on('message', (d) => frames.push(...(JSON.parse(d.toString()) as unknown[])))
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
    const { host } = await start()
    const wsUrl = host.origin.replace('http', 'ws') + '/ws'
    await expect(openSocket(wsUrl, { origin: host.origin })).rejects.toThrow('401')
    await expect(openSocket(wsUrl, { ...cookie, origin: 'http://evil.example' })).rejects.toThrow(
      '403'
    )
  })
})
