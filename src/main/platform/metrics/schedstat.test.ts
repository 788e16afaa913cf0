import { describe, expect, it } from 'vitest'
import { parseSchedstat, SchedstatSampler } from './schedstat'

describe('schedstat', () => {
  it('parses the kernel line and refuses anything else', () => {
    expect(parseSchedstat('1500000000 250000000 42\n')).toEqual({
      runNs: 1_500_000_000,
      waitNs: 250_000_000,
      slices: 42
    })
    expect(parseSchedstat('')).toBeNull()
    expect(parseSchedstat('1 2')).toBeNull()
    expect(parseSchedstat('1 two 3')).toBeNull()
  })

  it('turns two readings into busy and run-queue milliseconds per second', () => {
    const lines = ['0 0 1', '300000000 50000000 9']
    let t = 0
    const sampler = new SchedstatSampler(
      () => lines.shift() ?? null,
      () => t
    )
    expect(sampler.sample()).toBeNull() // the first reading has nothing to compare with
    t = 500
    expect(sampler.sample()).toEqual({ busyMsPerS: 600, runqueueWaitMsPerS: 100 })
    expect(sampler.sample()).toBeNull() // no more readings: not available
  })

  it.runIf(process.platform === 'linux')('reads this process on Linux', () => {
    const sampler = new SchedstatSampler()
    sampler.sample()
    const end = performance.now() + 30
    while (performance.now() < end);
    const rates = new SchedstatSampler().sample()
    expect(rates).toBeNull()
    const second = sampler.sample()
    expect(second?.busyMsPerS).toBeGreaterThan(0)
  })
})
