import { describe, expect, it } from 'vitest'
import { RingBuffer } from './ring-buffer'

describe('ring buffer', () => {
  it('keeps everything until full, oldest first', () => {
    const ring = new RingBuffer<number>(3)
    ring.push(1)
    ring.push(2)
    expect(ring.toArray()).toEqual([1, 2])
    expect(ring.size).toBe(2)
  })

  it('never holds more than its capacity: the oldest entries go first', () => {
    const ring = new RingBuffer<number>(600)
    for (let i = 0; i < 10_000; i++) ring.push(i)
    expect(ring.size).toBe(600)
    const kept = ring.toArray()
    expect(kept).toHaveLength(600)
    expect(kept[0]).toBe(9_400)
    expect(kept.at(-1)).toBe(9_999)
  })

  it('empties on clear and refuses a capacity it cannot keep', () => {
    const ring = new RingBuffer<string>(2)
    ring.push('a')
    ring.clear()
    expect(ring.toArray()).toEqual([])
    expect(() => new RingBuffer(0)).toThrow(RangeError)
    expect(() => new RingBuffer(1.5)).toThrow(RangeError)
  })
})
