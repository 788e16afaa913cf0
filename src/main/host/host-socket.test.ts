import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES, MAX_PARTS, packClientFrames } from '@shared/contract/wire'
import {
  closed,
  collectFrames,
  openSocket,
  rawRequest,
  recordingImport,
  requestText,
  useTestHosts
} from '../../../test/support/host-kit'
import { SOCKET_CEILING_BYTES } from './host-socket'

const start = useTestHosts()

/** The host still answers its own page and a socket request. */
async function expectServing(t: Awaited<ReturnType<typeof start>>): Promise<void> {
  const page = await fetch(t.host.origin + '/', { headers: { cookie: t.auth.cookie } })
  expect(page.status).toBe(200)
  const ws = await openSocket(t.wsUrl, t.auth)
  const frames = collectFrames(ws)
  ws.send(JSON.stringify([{ id: 1, channel: 'app:status', params: {} }]))
  await expect.poll(() => frames).toContainEqual(expect.objectContaining({ kind: 'reply', id: 1 }))
  ws.close()
}

describe('the host survives hostile upgrades', () => {
  it('refuses a malformed cookie escape with 401 instead of dying', async () => {
    const t = await start()
    const hostile = `skyfolio_token=%E0%A4%A; ${t.host.cookieName}=%zz`
    const res = await rawRequest(t.host.origin, requestText('/ws', { cookie: hostile }, true))
    expect(res.status).toBe(401)
    expect((await fetch(t.host.origin + '/', { headers: { cookie: hostile } })).status).toBe(401)
    await expectServing(t)
  })

  it('lets the user in past a planted cookie of the same name', async () => {
    const t = await start()
    const planted = `${t.host.cookieName}=%E0%A4%A; ${t.host.cookieName}=planted-wrong`
    const ws = await openSocket(t.wsUrl, { ...t.auth, cookie: `${planted}; ${t.auth.cookie}` })
    ws.close()
    const page = await fetch(t.host.origin + '/', {
      headers: { cookie: `${t.auth.cookie}; ${planted}` }
    })
    expect(page.status).toBe(200)
  })

  it('answers 400 to an upgrade whose target it cannot read', async () => {
    const t = await start()
    for (const target of ['http://[/ws', '*']) {
      const res = await rawRequest(t.host.origin, requestText(target, t.auth, true))
      expect(res.status, target).toBe(400)
    }
    // A path the URL parser would read as a host name stays a path: not found, not a crash.
    const res = await rawRequest(t.host.origin, requestText('//[', t.auth, true))
    expect(res.status).toBe(404)
    await expectServing(t)
  })
})

describe('the host survives WebSocket protocol errors', () => {
  it('closes a socket that sends invalid UTF-8 text', async () => {
    const t = await start()
    const ws = await openSocket(t.wsUrl, t.auth)
    const code = closed(ws)
    ws.send(Buffer.from([0x5b, 0xc3, 0x28, 0x5d]), { binary: false })
    expect(await code).toBe(1007)
    expect(t.log.lines.join('\n')).toMatch(/closed a socket after a protocol error/)
    await expectServing(t)
  })

  it('closes a socket that sends a message over the ceiling', async () => {
    const t = await start()
    const ws = await openSocket(t.wsUrl, t.auth)
    ws.on('error', () => undefined) // the client sees the close code below
    const code = closed(ws)
    ws.send('x'.repeat(SOCKET_CEILING_BYTES + 1))
    expect(await code).toBe(1009)
    await expectServing(t)
  })

  it('answers a single message over the limit with an error by id, and keeps the socket', async () => {
    const t = await start()
    const ws = await openSocket(t.wsUrl, t.auth)
    const frames = collectFrames(ws)
    const big = 'y'.repeat(MAX_MESSAGE_BYTES)
    ws.send(
      JSON.stringify([
        { id: 7, channel: 'app:status', params: { note: big } },
        { id: 8, channel: 'app:status', params: {} }
      ])
    )
    await expect.poll(() => frames.length).toBe(2)
    for (const id of [7, 8]) {
      expect(frames).toContainEqual({
        kind: 'reply',
        id,
        envelope: {
          ok: false,
          error: {
            code: 'invalid_params',
            message: expect.stringMatching(/at most 1 MB\. Reload the page/)
          }
        }
      })
    }
    ws.send(JSON.stringify([{ id: 9, channel: 'app:status', params: {} }]))
    await expect.poll(() => frames.length).toBe(3)
    expect(frames[2]).toEqual({
      kind: 'reply',
      id: 9,
      envelope: { ok: true, value: { tasks: [] } }
    })
    ws.close()
  })
})

describe('large requests in parts', () => {
  it('reassembles a request sent in parts and answers it once', async () => {
    const recorder = recordingImport()
    const t = await start({ handlers: recorder.handlers })
    const ws = await openSocket(t.wsUrl, t.auth)
    const frames = collectFrames(ws)
    // Multi-byte characters and emoji, so part boundaries fall inside them.
    const paths = Array.from({ length: 300 }, (_, i) => `/photos/☀️🌧 ${i} ` + 'é☀️🌧'.repeat(1000))
    const { messages } = packClientFrames([
      { id: 1, channel: 'library:import', params: { paths } },
      { id: 2, channel: 'app:status', params: {} }
    ])
    expect(messages.length).toBeGreaterThan(2)
    for (const m of messages) {
      expect(Buffer.byteLength(m)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
      ws.send(m)
    }
    await expect.poll(() => frames.length).toBe(2)
    expect(frames).toContainEqual({
      kind: 'reply',
      id: 1,
      envelope: { ok: true, value: expect.objectContaining({ discovered: 300 }) }
    })
    expect(recorder.calls).toEqual([{ paths, urls: [] }])
    ws.close()
  })

  it('refuses by id a request announced larger than the limit, once', async () => {
    const t = await start()
    const ws = await openSocket(t.wsUrl, t.auth)
    const frames = collectFrames(ws)
    const count = MAX_PARTS + 1
    for (let index = 0; index < 3; index++) {
      ws.send(JSON.stringify({ part: { id: 5, channel: 'app:status', index, count, data: 'x' } }))
    }
    ws.send(JSON.stringify([{ id: 6, channel: 'app:status', params: {} }]))
    await expect.poll(() => frames.length).toBe(2)
    expect(frames).toContainEqual({
      kind: 'reply',
      id: 5,
      envelope: {
        ok: false,
        error: { code: 'invalid_params', message: expect.stringMatching(/too large for Skyfolio/) }
      }
    })
    ws.close()
  })
})
