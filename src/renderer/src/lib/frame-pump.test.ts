import { describe, expect, it } from 'vitest'
import { createFramePump } from './frame-pump'

/** A page whose frames the test advances by hand, with a clock each job moves on. */
function page() {
  const frames: (() => void)[] = []
  let clock = 0
  return {
    frame: (callback: () => void) => frames.push(callback),
    now: () => clock,
    spend: (ms: number) => (clock += ms),
    /** Runs the frame that is due; false when nothing asked for one. */
    next(): boolean {
      const due = frames.splice(0)
      for (const callback of due) callback()
      return due.length > 0
    }
  }
}

describe('frame pump', () => {
  it('lets in at most perFrame jobs each frame, in the order they came', () => {
    const p = page()
    const pump = createFramePump({ perFrame: 2 }, p.frame, p.now)
    const done: number[] = []
    for (let i = 0; i < 5; i++) pump.enqueue(() => done.push(i))
    expect(done).toEqual([])
    p.next()
    expect(done).toEqual([0, 1])
    p.next()
    p.next()
    expect(done).toEqual([0, 1, 2, 3, 4])
    expect(p.next()).toBe(false)
  })

  it('stops starting jobs once the frame budget is spent, but always runs one', () => {
    const p = page()
    const pump = createFramePump({ budgetMs: 4 }, p.frame, p.now)
    const done: number[] = []
    for (let i = 0; i < 4; i++)
      pump.enqueue(() => {
        done.push(i)
        p.spend(i === 0 ? 10 : 2)
      })
    p.next()
    expect(done).toEqual([0])
    p.next()
    expect(done).toEqual([0, 1, 2])
    expect(pump.pending).toBe(1)
  })

  it('never runs a job that was taken back', () => {
    const p = page()
    const pump = createFramePump({ perFrame: 10 }, p.frame, p.now)
    const done: string[] = []
    const cancel = pump.enqueue(() => done.push('gone'))
    pump.enqueue(() => done.push('kept'))
    cancel()
    p.next()
    expect(done).toEqual(['kept'])
  })
})
