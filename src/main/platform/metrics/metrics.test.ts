import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
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
