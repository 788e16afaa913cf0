import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { SkyfolioApi } from '@shared/contract'
import { MAX_MESSAGE_BYTES } from '@shared/contract/wire'
import { recordingImport, startTestHost, type TestHost } from '../../test/support/host-kit'

/**
 * The real bridge (the page's window.api under `npm run host`) against a real host: the
 * browser globals it uses are stood in for by `ws`, which sends the cookie a browser would.
 */
const recorder = recordingImport()
let t: TestHost
let api: SkyfolioApi
let dir: string

/** A URL as people paste them: a photo on a CDN, with size and signature parameters. */
const typicalUrl = (i: number): string =>
  `https://images.example-photos.com/users/alex-morgan/albums/summer-2024-lake-district/` +
  `IMG_20240714_${String(i).padStart(6, '0')}.jpg?width=4000&quality=90&sig=${(i * 7919).toString(16).padStart(12, '0')}`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skyfolio-bridge-'))
  t = await startTestHost(dir, { handlers: recorder.handlers })
  const cookie = t.auth.cookie
  vi.stubGlobal(
    'WebSocket',
    class extends WebSocket {
      constructor(url: string) {
        super(url, { headers: { cookie, origin: t.host.origin } })
        // A browser reports a failed connection as a close; ws also emits 'error'.
        this.on('error', () => undefined)
      }
    }
  )
  vi.stubGlobal('location', { protocol: 'http:', host: new URL(t.host.origin).host })
  vi.stubGlobal('window', {})
  await import('./ws-bridge')
  api = (globalThis as unknown as { window: { api: SkyfolioApi } }).window.api
})

afterAll(async () => {
  vi.unstubAllGlobals()
  await t.host.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the host bridge with large requests', () => {
  it('carries 7,000 pasted URLs to the host in one import', async () => {
    const urls = Array.from({ length: 7000 }, (_, i) => typicalUrl(i))
    // What the bridge used to send as one message: over the host's limit.
    expect(Buffer.byteLength(JSON.stringify({ urls }))).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const result = await api.invoke('library:import', { urls })
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ discovered: 7000 }) })
    expect(recorder.calls.at(-1)).toEqual({ paths: [], urls })
    expect(t.log.lines.join('\n')).not.toMatch(/over the size limit|protocol error/)
  })

  it('answers a request too large to send without sending it, and keeps working', async () => {
    const before = recorder.calls.length
    const paths = Array.from({ length: 2100 }, (_, i) => `/photos/${i}/` + 'x'.repeat(8170))
    const result = await api.invoke('library:import', { paths })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_params', message: expect.stringMatching(/too large.*fewer items/) }
    })
    expect(recorder.calls.length).toBe(before)
    expect(await api.invoke('app:status', {})).toEqual({ ok: true, value: { tasks: [] } })
  })
})
