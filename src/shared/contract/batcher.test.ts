import { describe, expect, it } from 'vitest'
import { createBatcher } from './batcher'

describe('batcher', () => {
  it('hands a burst over once, then starts a new batch', () => {
    const runs: Array<() => void> = []
    const flushed: number[][] = []
    const add = createBatcher<number>(
      (items) => flushed.push(items),
      (run) => runs.push(run)
    )
    add(1)
    add(2)
    add(3)
    expect(runs).toHaveLength(1)
    runs.shift()!()
    add(4)
    runs.shift()!()
    expect(flushed).toEqual([[1, 2, 3], [4]])
  })
})
