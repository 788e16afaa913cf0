import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Status } from '@shared/contract'
import { TaskTracker } from './task-tracker'

afterEach(() => vi.useRealTimers())

describe('task tracker', () => {
  it('coalesces a burst of progress into one status update with the latest values', () => {
    vi.useFakeTimers()
    const published: Status[] = []
    const tracker = new TaskTracker((s) => published.push(s), 100)
    for (let i = 1; i <= 50; i++) {
      tracker.set({ id: 'import', kind: 'import', label: 'Importing', progress: i / 50 })
    }
    expect(published).toHaveLength(0)
    vi.advanceTimersByTime(100)
    expect(published).toEqual([
      { tasks: [{ id: 'import', kind: 'import', label: 'Importing', progress: 1 }] }
    ])
    tracker.end('import')
    vi.advanceTimersByTime(100)
    expect(published.at(-1)).toEqual({ tasks: [] })
  })
})
