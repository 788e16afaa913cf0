import { describe, expect, it } from 'vitest'
import type { ActivitySample } from '@shared/contract'
import { EventBus } from '../platform/ipc/event-bus'
import { memoryLogger } from '../platform/log'
import { setupActivityMonitor } from './activity-service'
import { NetworkTracker } from '../platform/metrics/network-tracker'
import { createNodeProcessStats } from '../platform/metrics/process-stats'

const block = (ms: number): void => {
  const end = performance.now() + ms
  while (performance.now() < end);
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

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
    // Nobody watches, yet main keeps sampling: the snapshot and the history move on.
    const before = (await monitor.handlers['activity:history']({}, {})).samples.length
    await expect
      .poll(async () => (await monitor.handlers['activity:history']({}, {})).samples.length)
      .toBeGreaterThan(before)
    expect(samples.length).toBe(count)
    expect(monitor.handlers['activity:snapshot']({}, {})).toEqual(
      (await monitor.handlers['activity:history']({}, {})).samples.at(-1)
    )
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
    block(400)
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
    // The stall came before the late watcher began: its span never saw it. (Compared with the
    // early span, not with a fixed figure: a loaded machine stalls the late span too.)
    expect(lateEnd.loop!.maxMs).toBeLessThan(early.loop!.maxMs)
    expect(lateEnd.loop!.samples).toBeGreaterThan(5)
    expect(early.watchers).toBe(1)
    expect(lateEnd).toMatchObject({ watchers: 0 })
    monitor.close()
  })
})

describe('activity history', () => {
  const monitorWith = (
    over: Partial<Parameters<typeof setupActivityMonitor>[0]> = {}
  ): ReturnType<typeof setupActivityMonitor> =>
    setupActivityMonitor({
      bus: new EventBus(memoryLogger()),
      log: memoryLogger(),
      network: new NetworkTracker(),
      processStats: createNodeProcessStats(),
      contributions: () => [],
      now: Date.now,
      ...over
    })

  it('is kept from the start without a watcher, bounded to its length, oldest first', async () => {
    // 200 ms of history at 20 ms: at most 10 samples, however long it runs.
    const monitor = monitorWith({ periodMs: 20, historyMs: 200 })
    const history = () => monitor.handlers['activity:history']({}, {})
    await expect.poll(async () => (await history()).samples.length, { timeout: 5000 }).toBe(10)
    const first = await history()
    expect(first).toMatchObject({ periodMs: 20, capacity: 10 })
    expect(first.budgets.loopP99Ms).toBe(20)
    // It keeps moving, never growing: the oldest sample gives way to the newest.
    await expect
      .poll(async () => (await history()).samples[0]!.at, { timeout: 5000 })
      .toBeGreaterThan(first.samples[0]!.at)
    const later = await history()
    expect(later.samples).toHaveLength(10)
    const times = later.samples.map((s) => s.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    monitor.close()
  })

  it('carries main-thread busy and run-queue wait, and counts budget breaches in the history', async () => {
    // A fake kernel: main ran 10 ms and waited 400 ms per second for a CPU (over budget).
    const readings = { sample: () => ({ busyMsPerS: 10, runqueueWaitMsPerS: 400 }) }
    const monitor = monitorWith({ periodMs: 30, historyMs: 30 * 6, schedstat: readings })
    const history = () => monitor.handlers['activity:history']({}, {})
    await expect.poll(async () => (await history()).samples.length, { timeout: 5000 }).toBe(6)
    const latest = (await history()).samples.at(-1)!
    expect(latest.sched).toEqual({ busyMsPerS: 10, runqueueWaitMsPerS: 400 })
    // Every kept sample waited over budget; the count covers the history, not all time.
    expect(latest.breaches!.runqueueWaitMsPerS).toBe(6)
    // A stall over the loop budgets is counted once per sample it falls in.
    block(120)
    await expect
      .poll(async () => (await history()).samples.at(-1)!.breaches!.loopMaxMs, { timeout: 5000 })
      .toBeGreaterThanOrEqual(1)
    monitor.close()
  })

  it('reads main-thread figures from the kernel where it can (Linux)', async () => {
    const monitor = monitorWith({ periodMs: 30 })
    await expect
      .poll(async () => (await monitor.handlers['activity:history']({}, {})).samples.length)
      .toBeGreaterThanOrEqual(2)
    const s = (await monitor.handlers['activity:history']({}, {})).samples.at(-1)!
    if (process.platform === 'linux') {
      expect(s.sched).not.toBeNull()
      expect(s.sched!.busyMsPerS).toBeGreaterThanOrEqual(0)
    } else expect(s.sched).toBeNull()
    monitor.close()
  })
})
