import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../platform/log'
import { useTempDir } from '../../../test/support/temp-dir'
import type { Executor } from './executors'
import { DOWNLOAD_CONCURRENCY, downloadPlansFor, downloadWork } from './hybrid-runner'
import { startImageServer } from './hybrid-server'

const tempDir = useTempDir()

/** A tiny set of "images" (distinct bytes; nothing decodes them here). */
function tinySet(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `src-${i}.jpg`)
    writeFileSync(file, Buffer.alloc(2048 + i, i))
    return file
  })
}

/** An executor that records what it was given and when, against the downloads' events. */
function recordingExecutor(log: string[], failOn = new Set<string>()): Executor {
  let inFlight = 0
  return {
    capacity: 4,
    async process(path) {
      inFlight++
      log.push(`process ${path.split('/').pop()} (${inFlight} at once)`)
      await new Promise((r) => setTimeout(r, 5))
      inFlight--
      return failOn.has(path) ? { ok: false, reason: 'bad' } : { ok: true }
    },
    processes: () => [],
    close: async () => undefined
  }
}

async function runPlan(strategy: 'one-at-a-time' | 'download-first' | 'pipeline', count = 12) {
  const dir = tempDir()
  const files = tinySet(dir, count)
  const log = memoryLogger()
  const server = await startImageServer(files, 20, log)
  const events: string[] = []
  let done = 0
  let failed = 0
  const plan = downloadPlansFor(2).find((p) => p.strategy === strategy)!
  const work = downloadWork(
    plan,
    files.map((_, i) => server.url(i)),
    recordingExecutor(events),
    {
      fetch,
      dir: join(dir, 'downloads'),
      log,
      track: () => (ok) => events.push(`download ${ok ? 'landed' : 'failed'}`)
    }
  )
  await work.run((ok) => {
    done++
    if (!ok) failed++
  }, new AbortController().signal)
  await server.close()
  return { dir, files, events, done, failed, total: work.total, served: server.served }
}

describe('download and process', () => {
  it('plans one at a time on one worker, then all-first and the pipeline on N', () => {
    expect(downloadPlansFor(3)).toEqual([
      { strategy: 'one-at-a-time', workers: 1 },
      { strategy: 'download-first', workers: 3 },
      { strategy: 'pipeline', workers: 3 }
    ])
  })

  it('one at a time: each image downloaded, then processed, before the next starts', async () => {
    const r = await runPlan('one-at-a-time', 4)
    expect(r).toMatchObject({ done: 4, failed: 0, total: 4, served: 4 })
    expect(r.events).toEqual([
      'download landed',
      'process image-00000.jpg (1 at once)',
      'download landed',
      'process image-00001.jpg (1 at once)',
      'download landed',
      'process image-00002.jpg (1 at once)',
      'download landed',
      'process image-00003.jpg (1 at once)'
    ])
    // What was processed is exactly what the server held.
    expect(readFileSync(join(r.dir, 'downloads', 'image-00003.jpg'))).toEqual(
      readFileSync(r.files[3]!)
    )
  })

  it('all downloads first: no image is processed before the last one landed', async () => {
    const r = await runPlan('download-first')
    expect(r).toMatchObject({ done: 12, failed: 0, served: 12 })
    const lastDownload = r.events.lastIndexOf('download landed')
    const firstProcess = r.events.findIndex((e) => e.startsWith('process'))
    expect(lastDownload).toBe(11)
    expect(firstProcess).toBe(12)
  })

  it('the pipeline: images are processed while others are still downloading', async () => {
    const r = await runPlan('pipeline', DOWNLOAD_CONCURRENCY + 4)
    expect(r).toMatchObject({ done: DOWNLOAD_CONCURRENCY + 4, failed: 0 })
    const lastDownload = r.events.lastIndexOf('download landed')
    const firstProcess = r.events.findIndex((e) => e.startsWith('process'))
    expect(firstProcess).toBeLessThan(lastDownload)
  })

  it('counts a download the server refuses as a failed image and goes on', async () => {
    const dir = tempDir()
    const files = tinySet(dir, 3)
    const log = memoryLogger()
    const server = await startImageServer(files, 0, log)
    const urls = [server.url(0), server.url(99), server.url(2)]
    let failed = 0
    let done = 0
    await downloadWork(downloadPlansFor(2)[2]!, urls, recordingExecutor([]), {
      fetch,
      dir: join(dir, 'downloads'),
      log
    }).run((ok) => {
      done++
      if (!ok) failed++
    }, new AbortController().signal)
    await server.close()
    expect({ done, failed }).toEqual({ done: 3, failed: 1 })
    expect(log.lines.join('\n')).toMatch(/a download failed/)
  })

  it('serves the sample only, on the loopback address', async () => {
    const dir = tempDir()
    const server = await startImageServer(tinySet(dir, 1), 0, memoryLogger())
    expect(new URL(server.url(0)).hostname).toBe('127.0.0.1')
    const base = server.url(0).replace(/\/images\/0$/, '')
    for (const path of ['/images/1', '/images/../src-0.jpg', '/', '/images/0x'])
      expect((await fetch(base + path)).status).toBe(404)
    expect((await fetch(server.url(0))).status).toBe(200)
    await server.close()
  })
})
