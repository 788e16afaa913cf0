import { describe, expect, it } from 'vitest'
import type { ActivitySample } from '@shared/contract'
import { withHistory } from './use-activity'

const at = (t: number): ActivitySample => ({
  at: t,
  windowMs: 500,
  loop: { p99Ms: 1, maxMs: 2, meanMs: 1 },
  processes: [],
  rendererMeasured: false,
  pool: null,
  network: { inFlight: [], finished: [] }
})

describe('the live view with main history', () => {
  it('shows the history first, then the pushed samples, each moment once', () => {
    const merged = withHistory([at(1), at(2), at(3)], [at(3), at(4)], 10)
    expect(merged.map((s) => s.at)).toEqual([1, 2, 3, 4])
  })
  it('keeps no more than its capacity, dropping the oldest', () => {
    const merged = withHistory([at(1), at(2), at(3)], [at(4), at(5)], 3)
    expect(merged.map((s) => s.at)).toEqual([3, 4, 5])
  })
})
