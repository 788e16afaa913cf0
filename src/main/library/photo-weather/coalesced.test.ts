import { describe, expect, it } from 'vitest'
import { Coalesced, type Ticker } from './coalesced'

/** A clock that moves only when told, and the timers waiting on it. */
function fakeTicker() {
  let t = 1_000
  let timers: { at: number; run: () => void }[] = []
  const ticker: Ticker = {
    now: () => t,
    later: (run, ms) => {
      const timer = { at: t + ms, run }
      timers.push(timer)
      return () => {
        timers = timers.filter((x) => x !== timer)
      }
    }
  }
  const advance = (ms: number): void => {
    t += ms
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers = timers.filter((x) => x !== timer)
      timer.run()
    }
  }
  return { ticker, advance, waiting: () => timers.length }
}

describe('coalesced progress events', () => {
  it('send a burst of updates as one now and one at the end of the interval, built then', () => {
    const { ticker, advance } = fakeTicker()
    let value = 0
    const sent: number[] = []
    const events = new Coalesced(() => sent.push(value), 250, ticker)
    for (let i = 1; i <= 40; i++) {
      value = i
      events.request()
      advance(5)
    }
    // 40 updates within 200 ms: the first went out; the rest wait for one trailing event.
    expect(sent).toEqual([1])
    advance(100)
    expect(sent).toEqual([1, 40])
    // Quiet for an interval since: the next update goes out at once.
    advance(250)
    value = 41
    events.request()
    expect(sent).toEqual([1, 40, 41])
  })

  it('send a change of state at once, folding in the update that waited', () => {
    const { ticker, advance, waiting } = fakeTicker()
    let value = 'running 1'
    const sent: string[] = []
    const events = new Coalesced(() => sent.push(value), 250, ticker)
    events.request()
    value = 'running 2'
    events.request()
    value = 'idle'
    events.flush()
    expect(sent).toEqual(['running 1', 'idle'])
    expect(waiting()).toBe(0)
    advance(1_000)
    expect(sent).toEqual(['running 1', 'idle'])
  })

  it('send nothing more once closed', () => {
    const { ticker, advance } = fakeTicker()
    const sent: number[] = []
    const events = new Coalesced(() => sent.push(sent.length), 250, ticker)
    events.request()
    events.request()
    events.close()
    advance(1_000)
    expect(sent).toEqual([0])
  })
})
