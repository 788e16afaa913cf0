import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { UrlDownloader } from './url-downloader'
import { heicHead, photoPixels } from '../../../../test/support/test-images'

const tempDir = useTempDir()
let server: Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r) ?? r(undefined))
  server = null
})

async function serve(png: Buffer): Promise<{ base: string; peak: () => number }> {
  let active = 0
  let peak = 0
  server = createServer((req, res) => {
    active++
    peak = Math.max(peak, active)
    res.on('close', () => active--)
    const path = req.url ?? '/'
    if (path.startsWith('/photo')) {
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(png), 50)
    } else if (path === '/page.jpg') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html>Not here</html>')
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(png)
      const chunk = Buffer.alloc(64 * 1024)
      const more = setInterval(() => res.write(chunk), 1)
      res.on('close', () => clearInterval(more))
    } else if (path === '/stall') {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(png.subarray(0, 100)) // and then nothing
    } else if (path === '/trickle') {
      // A real image's start, then a byte every few milliseconds: alive, but hopelessly slow.
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(png.subarray(0, 100))
      let at = 100
      const drip = setInterval(() => res.write(png.subarray(at, ++at)), 5)
      res.on('close', () => clearInterval(drip))
    } else if (path === '/cut') {
      // The connection drops halfway through the body.
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) })
      res.write(png.subarray(0, png.length >> 1), () => setTimeout(() => res.destroy(), 20))
    } else if (path === '/empty') {
      res.writeHead(200, { 'content-type': 'image/png' }).end()
    } else if (path === '/iphone') {
      res.writeHead(200).end(heicHead())
    } else res.writeHead(404).end()
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, peak: () => peak }
}

describe('UrlDownloader', () => {
  it('streams images to disk, named by their real type, within the per-host limit', async () => {
    const png = await photoPixels(64, 48)
    const { base, peak } = await serve(png)
    const dir = tempDir()
    const dl = new UrlDownloader({ fetch, dir, perHost: 2 })
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => dl.download(`${base}/photo-${i}.jpg`, `job-${i}`))
    )
    for (const r of results) {
      expect(r.ok).toBe(true)
      if (r.ok) {
        expect(r.path.endsWith('.png')).toBe(true)
        expect(readFileSync(r.path).equals(png)).toBe(true)
      }
    }
    expect(peak()).toBeLessThanOrEqual(2)
  })

  it('refuses what is not an image, too big, stalled, missing or unsupported', async () => {
    const png = await photoPixels(64, 48)
    const { base } = await serve(png)
    const dl = new UrlDownloader({
      fetch,
      dir: tempDir(),
      maxBytes: 1024 * 1024,
      idleTimeoutMs: 300
    })
    expect(await dl.download(`${base}/page.jpg`, 'a')).toMatchObject({
      ok: false,
      failure: { code: 'not-image', reason: expect.stringContaining('text/html') }
    })
    expect(await dl.download(`${base}/huge`, 'b')).toMatchObject({
      ok: false,
      failure: { code: 'too-large' }
    })
    expect(await dl.download(`${base}/stall`, 'c')).toMatchObject({
      ok: false,
      failure: { code: 'download', reason: expect.stringContaining('stopped') }
    })
    expect(await dl.download(`${base}/gone`, 'd')).toMatchObject({
      ok: false,
      failure: { code: 'download', reason: expect.stringContaining('404') }
    })
    expect(await dl.download(`${base}/iphone`, 'e')).toMatchObject({
      ok: false,
      failure: { code: 'unsupported' }
    })
    expect(await dl.download(`${base}/empty`, 'g')).toMatchObject({
      ok: false,
      failure: { code: 'empty', reason: expect.stringContaining('empty') }
    })
    expect(await dl.download('http://127.0.0.1:1/nothing', 'f')).toMatchObject({
      ok: false,
      failure: { code: 'download' }
    })
  })

  it('stops a download that trickles below the minimum rate, and keeps no partial file', async () => {
    const png = await photoPixels(256, 256)
    const { base } = await serve(png)
    const dir = tempDir()
    // Small windows keep the test short; the defaults are 1 KB/s over 15 s.
    const dl = new UrlDownloader({ fetch, dir, minBytesPerSecond: 1024, rateWindowMs: 300 })
    expect(await dl.download(`${base}/trickle`, 'slow')).toMatchObject({
      ok: false,
      failure: { code: 'download', reason: expect.stringMatching(/too slowly/) }
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('leaves no partial file behind whatever the failure', async () => {
    const png = await photoPixels(256, 256)
    const { base } = await serve(png)
    const dir = tempDir()
    const dl = new UrlDownloader({
      fetch,
      dir,
      maxBytes: 1024 * 1024,
      idleTimeoutMs: 300,
      minBytesPerSecond: 1024,
      rateWindowMs: 60_000
    })
    const paths = ['/page.jpg', '/huge', '/stall', '/cut', '/empty', '/iphone', '/gone']
    for (const path of paths) {
      const outcome = await dl.download(`${base}${path}`, `job${path.replace('/', '-')}`)
      expect({ path, ok: outcome.ok, left: readdirSync(dir) }).toEqual({
        path,
        ok: false,
        left: []
      })
    }
    const cancel = new AbortController()
    const pending = dl.download(`${base}/trickle`, 'cancelled', cancel.signal)
    while (readdirSync(dir).length === 0) await new Promise((r) => setTimeout(r, 10))
    cancel.abort()
    expect(await pending).toMatchObject({ ok: false, failure: { code: 'cancelled' } })
    expect(readdirSync(dir)).toEqual([])
  })

  it('removes the partial files a run killed mid-download left behind', async () => {
    const png = await photoPixels(64, 48)
    const { base } = await serve(png)
    const dir = tempDir()
    writeFileSync(join(dir, '3-17.part'), png.subarray(0, 100))
    writeFileSync(join(dir, '2-5.png'), png) // a finished download is the library's copy
    const dl = new UrlDownloader({ fetch, dir })
    expect(await dl.download(`${base}/photo-1.png`, '4-1')).toMatchObject({ ok: true })
    expect(readdirSync(dir).sort()).toEqual(['2-5.png', '4-1.png'])
  })
})
