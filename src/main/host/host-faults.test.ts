import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES, packClientFrames } from '@shared/contract/wire'
import {
  closed,
  collectFrames,
  openSocket,
  rawRequest,
  requestText
} from '../../../test/support/host-kit'
import {
  spawnSourceHost,
  startSourceHost,
  type SourceHost
} from '../../../test/support/source-host'
import { HOST_LOCK_FILE } from './host-lock'
import { SOCKET_CEILING_BYTES } from './host-socket'

/**
 * The fault suite: a real host process (host-main.ts from source) takes every hostile input
 * that once ended it, and must still be up and answering afterwards. Loopback only.
 */
const canReadFailingFile = existsSync('/proc/self/mem')
let userData: string
let host: SourceHost
let auth: { cookie: string; origin: string }
let wsUrl: string
/** Every other host this suite starts, killed at the end if a failed test left it running. */
const others: ChildProcess[] = []

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'skyfolio-faults-'))
  if (canReadFailingFile) {
    // The thumbnails folder is the host's own /proc entry: its `mem` is a regular file that
    // fails on the first read, as root too.
    mkdirSync(join(userData, 'cache'))
    symlinkSync('/proc/self', join(userData, 'cache', 'thumbnails'))
  }
  host = await startSourceHost(userData)
  const first = await fetch(host.url, { redirect: 'manual' })
  const cookie = first.headers.get('set-cookie')!.split(';')[0]!
  auth = { cookie, origin: host.origin }
  wsUrl = host.origin.replace('http', 'ws') + '/ws'
}, 90_000)

afterAll(async () => {
  await host?.stop()
  for (const child of others) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(userData, { recursive: true, force: true })
}, 30_000)

/** The process is up and answers an authenticated request over the socket. */
async function expectAlive(): Promise<void> {
  expect(host.child.exitCode, host.stderr()).toBeNull()
  const ws = await openSocket(wsUrl, auth)
  const frames = collectFrames(ws)
  ws.send(JSON.stringify([{ id: 1, channel: 'app:info', params: {} }]))
  await expect
    .poll(() => frames, { timeout: 15_000 })
    .toContainEqual({
      kind: 'reply',
      id: 1,
      envelope: { ok: true, value: expect.objectContaining({ runtime: 'headless' }) }
    })
  ws.close()
}

describe('a real host process under hostile input', { timeout: 60_000 }, () => {
  it('survives malformed and planted cookies', async () => {
    const port = new URL(host.origin).port
    const hostile = `skyfolio_token=%E0%A4%A; skyfolio_token_${port}=%zz; skyfolio_token_${port}=x`
    const upgrade = await rawRequest(host.origin, requestText('/ws', { cookie: hostile }, true))
    expect(upgrade.status).toBe(401)
    expect((await fetch(host.origin + '/', { headers: { cookie: hostile } })).status).toBe(401)
    const ws = await openSocket(wsUrl, { ...auth, cookie: `${hostile}; ${auth.cookie}` })
    ws.close()
    await expectAlive()
  })

  it('survives request targets the URL parser refuses', async () => {
    for (const target of ['http://[/ws', '*', '//[', '//%zz']) {
      const up = await rawRequest(host.origin, requestText(target, auth, true))
      const plain = await rawRequest(host.origin, requestText(target, auth))
      for (const res of [up, plain]) {
        expect(res.status, target).toBeGreaterThanOrEqual(400)
        expect(res.status, target).toBeLessThan(500)
      }
    }
    await expectAlive()
  })

  it('survives sockets reset in the middle of an upgrade', async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((done) => {
        const { port } = new URL(host.origin)
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(requestText('/ws', i % 2 ? auth : {}, true))
          socket.resetAndDestroy()
          done()
        })
        socket.on('error', () => done())
      })
    }
    await expectAlive()
  })

  it('survives WebSocket protocol errors and oversized messages', async () => {
    const bad = await openSocket(wsUrl, auth)
    const badClosed = closed(bad)
    bad.send(Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), { binary: false })
    expect(await badClosed).toBe(1007)

    const huge = await openSocket(wsUrl, auth)
    huge.on('error', () => undefined)
    const hugeClosed = closed(huge)
    huge.send('z'.repeat(SOCKET_CEILING_BYTES + 10))
    expect(await hugeClosed).toBe(1009)

    const big = await openSocket(wsUrl, auth)
    const frames = collectFrames(big)
    big.send(
      JSON.stringify([{ id: 3, channel: 'app:info', params: { x: 'x'.repeat(MAX_MESSAGE_BYTES) } }])
    )
    await expect
      .poll(() => frames)
      .toContainEqual({
        kind: 'reply',
        id: 3,
        envelope: { ok: false, error: expect.objectContaining({ code: 'invalid_params' }) }
      })
    big.close()
    await expectAlive()
  })

  it('answers 7,000 URLs sent in parts with one reply', async () => {
    const urls = Array.from(
      { length: 7000 },
      (_, i) => `http://127.0.0.1:9/albums/summer-2024/holiday-by-the-lake/IMG_${i}.jpg?w=4000&q=90`
    )
    // An unknown key makes the contract refuse it after reassembly: no downloads start.
    const { messages } = packClientFrames([
      { id: 4, channel: 'library:import', params: { urls, urls2: urls } }
    ])
    expect(messages.length).toBeGreaterThan(1)
    const ws = await openSocket(wsUrl, auth)
    const frames = collectFrames(ws)
    for (const m of messages) ws.send(m)
    await expect
      .poll(() => frames, { timeout: 15_000 })
      .toContainEqual({
        kind: 'reply',
        id: 4,
        envelope: {
          ok: false,
          error: { code: 'invalid_params', message: expect.stringMatching(/urls2/) }
        }
      })
    ws.close()
    await expectAlive()
  })

  it.runIf(canReadFailingFile)('survives a served file that fails to read', async () => {
    const res = await fetch(host.origin + '/media/thumbnails/mem', {
      headers: { cookie: auth.cookie }
    })
    expect(res.status).toBe(500)
    await expectAlive()
  })

  it('never redirects off its origin, and shows how to get in without a token', async () => {
    const res = await rawRequest(host.origin, requestText(`/.//evil.example/?token=${host.token}`))
    expect(/\r\nlocation: (.*)/i.exec(res.head)?.[1]).toBe('/evil.example/')
    const page = await fetch(host.origin + '/')
    expect(page.status).toBe(401)
    expect(await page.text()).toContain('npm run host')
    await expectAlive()
  })

  it('refuses a second host on the same folder, and takes over after a kill -9', async () => {
    const second = spawnSourceHost(userData)
    others.push(second.child)
    expect(await second.exited).toBe(2)
    expect(second.stderr()).toContain(
      `Another Skyfolio host (process ${host.child.pid}) is already using the folder`
    )
    await expectAlive()

    host.child.kill('SIGKILL')
    await host.exited
    expect(existsSync(join(userData, HOST_LOCK_FILE))).toBe(true)
    host = await startSourceHost(userData)
    const first = await fetch(host.url, { redirect: 'manual' })
    auth = { cookie: first.headers.get('set-cookie')!.split(';')[0]!, origin: host.origin }
    wsUrl = host.origin.replace('http', 'ws') + '/ws'
    await expectAlive()
    await host.stop()
    expect(await host.exited).toBe(0)
    expect(existsSync(join(userData, HOST_LOCK_FILE))).toBe(false)
  })
})
