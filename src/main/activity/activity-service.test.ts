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
