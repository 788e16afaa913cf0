import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ActivitySample } from '@shared/contract'
import { EventBus } from '../ipc/event-bus'
import { memoryLogger } from '../log'
import { setupActivityMonitor } from '../../activity/activity-service'
import { LoopDelayMonitor } from './loop-delay'
import { NetworkTracker } from './network-tracker'
import { createNodeProcessStats, parseProcStat } from './process-stats'

const block = (ms: number): void => {
  const end = performance.now() + ms
  while (performance.now() < end);
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('loop delay monitor', () => {
  it('sees a stall at a window edge once, and a stall inside a window', async () => {
    const monitor = new LoopDelayMonitor(10)
    monitor.start()
    await tick(200)
    const reading = monitor.read()
    block(80) // a stall right at the window's edge is still seen
    const edge = await reading
    block(60)
    await tick(30)
    const busy = await monitor.read()
    monitor.stop()
    expect(edge.maxMs).toBeGreaterThanOrEqual(60)
    expect(busy.maxMs).toBeGreaterThanOrEqual(40)
    expect(busy.meanMs).toBeLessThan(busy.maxMs)
  })
})

describe('process stats', () => {
  it('parses /proc stat lines, even with spaces and parentheses in the name', () => {
    const line =
      '1234 (my (odd) proc) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 100 1000000 300 18446744073709551615'
    expect(parseProcStat(line)).toEqual({ ticks: 300, rssBytes: 300 * 4096 })
    expect(parseProcStat('garbage')).toBeNull()
  })

  it('reads this process from /proc like the OS does', () => {
    const own = parseProcStat(readFileSync('/proc/self/stat', 'utf8'))
    expect(own!.rssBytes).toBeGreaterThan(10 * 1024 * 1024)
  })

  it('measures main CPU between samples and skips processes that are gone', async () => {
    const stats = createNodeProcessStats()
    await stats.sample([])
    block(150)
    const [main, ...rest] = await stats.sample([
      { pid: 2 ** 22 + 7, name: 'ghost', kind: 'worker' }
    ])
    expect(main).toMatchObject({ kind: 'main', pid: process.pid })
    expect(main!.cpuPercent).toBeGreaterThan(30)
    expect(rest).toEqual([])
  })
})

describe('network tracker', () => {
  it('lists open requests and hands each finished one out once', () => {
    let now = 0
    const net = new NetworkTracker(() => now)
    const heard: unknown[] = []
    net.onFinished((d) => heard.push(d))
    const doneA = net.start('api.open-meteo.com', 'forecast')
    net.start('air-quality-api.open-meteo.com', 'air')
    now = 120
    doneA(true)
    doneA(false) // settling twice counts once
    const first = net.read()
    expect(first.inFlight).toEqual([
      { host: 'air-quality-api.open-meteo.com', label: 'air', ageMs: 120 }
    ])
    expect(first.finished).toEqual([{ host: 'api.open-meteo.com', ms: 120, ok: true }])
    expect(net.read().finished).toEqual([])
    expect(heard).toHaveLength(1)
  })
})

describe('activity monitor', () => {
  it('pushes samples while watched, with pool and network, and stops when the lease lapses', async () => {
    const bus = new EventBus(memoryLogger())
    const samples: ActivitySample[] = []
    bus.connect((event, payload) => {
      if (event === 'activity:sample') samples.push(payload as ActivitySample)
    })
    const network = new NetworkTracker()
    network.start('example.test', 'slow')
    const monitor = setupActivityMonitor({
      bus,
      log: memoryLogger(),
      network,
      processStats: createNodeProcessStats(),
      contributions: () => [{ pool: { workers: 2, busy: 1, inFlight: 3, queued: 40 } }],
      now: Date.now,
      periodMs: 50,
      leaseMs: 300
    })
    const watch = monitor.handlers['activity:watch']
    expect(await watch({ watcher: 'a', watching: true }, {})).toMatchObject({ watchers: 1 })
    expect(await watch({ watcher: 'b', watching: true }, {})).toMatchObject({ watchers: 2 })
    // One watcher leaving does not stop the other's samples.
    expect(await watch({ watcher: 'b', watching: false }, {})).toMatchObject({ watchers: 1 })
    await expect.poll(() => samples.length, { timeout: 3000 }).toBeGreaterThanOrEqual(3)
    const s = samples.at(-1)!
    expect(s.pool).toEqual({ workers: 2, busy: 1, inFlight: 3, queued: 40 })
    expect(s.network.inFlight[0]).toMatchObject({ host: 'example.test' })
    expect(s.processes.find((p) => p.kind === 'main')).toBeTruthy()
    await tick(600)
    const count = samples.length
    await tick(200)
    expect(samples.length).toBe(count)
    expect(monitor.handlers['activity:snapshot']({}, {})).toEqual(samples.at(-1))
    monitor.close()
  })

  it('gives each watcher the loop delay of its own span, over every sample in it', async () => {
    const monitor = setupActivityMonitor({
      bus: new EventBus(memoryLogger()),
      log: memoryLogger(),
      network: new NetworkTracker(),
      processStats: createNodeProcessStats(),
      contributions: () => [],
      now: Date.now
    })
    const watch = monitor.handlers['activity:watch']
    await watch({ watcher: 'early', watching: true }, {})
    await tick(100)
    block(150)
    await tick(50)
    const late = await watch({ watcher: 'late', watching: true }, {})
    expect(late.loop).toMatchObject({ samples: 0, maxMs: 0 })
    await tick(300)
    // Renewing keeps the span running; stopping gives its final figures.
    const renewed = await watch({ watcher: 'early', watching: true }, {})
    const early = await watch({ watcher: 'early', watching: false }, {})
    const lateEnd = await watch({ watcher: 'late', watching: false }, {})
    expect(renewed.loop!.maxMs).toBeGreaterThanOrEqual(120)
    expect(early.loop!.maxMs).toBeGreaterThanOrEqual(120)
    expect(early.loop!.forMs).toBeGreaterThanOrEqual(450)
    expect(early.loop!.samples).toBeGreaterThan(lateEnd.loop!.samples)
    // The stall came before the late watcher began: its span never saw it.
    expect(lateEnd.loop!.maxMs).toBeLessThan(120)
    expect(lateEnd.loop!.samples).toBeGreaterThan(5)
    expect(early.watchers).toBe(1)
    expect(lateEnd).toMatchObject({ watchers: 0 })
    monitor.close()
  })
})
