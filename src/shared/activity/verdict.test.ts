import { describe, expect, it } from 'vitest'
import { clearlyDifferent, spreadOf, verdictSentence, type Contender } from './verdict'

const contender = (label: string, perSecond: number[], loopMs: number[]): Contender => ({
  label,
  throughput: spreadOf(perSecond)!,
  loopP99Ms: spreadOf(loopMs)!
})

describe('spreads', () => {
  it('give the median and the range of the repeats', () => {
    expect(spreadOf([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 })
    expect(spreadOf([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 })
    expect(spreadOf([])).toBeNull()
  })

  it('differ clearly only when the ranges do not overlap', () => {
    expect(clearlyDifferent(spreadOf([1, 2])!, spreadOf([3, 4])!)).toBe(true)
    expect(clearlyDifferent(spreadOf([1, 3])!, spreadOf([3, 4])!)).toBe(false)
  })
})

describe('the verdict', () => {
  const main = contender('The main process', [10, 10.2, 9.9], [28, 30, 29])

  it('names the clear winner in responsiveness and the speed ratio', () => {
    const processes = contender('Worker processes', [9.6, 9.7, 9.8], [6, 6.5, 7])
    expect(verdictSentence(processes, main)).toBe(
      'Worker processes kept the app 4.5× more responsive at 0.97× the speed of the main process.'
    )
  })

  it('says "no clear difference" when every range overlaps', () => {
    const threads = contender('Worker threads', [9.8, 10.1, 10.3], [25, 29, 31])
    expect(verdictSentence(threads, main)).toMatch(/^No clear difference between worker threads/)
  })

  it('keeps a clear dimension and says the other had no clear difference', () => {
    const same = contender('Worker processes', [9.5, 10.1, 10.4], [6, 6.5, 7])
    expect(verdictSentence(same, main)).toBe(
      'Worker processes kept the app 4.5× more responsive, with no clear difference in speed from the main process.'
    )
    const faster = contender('Worker processes', [19, 20, 21], [27, 29, 33])
    expect(verdictSentence(faster, main)).toBe(
      'Worker processes ran at 2.0× the speed of the main process, with no clear difference in responsiveness.'
    )
  })

  it('says so when the candidate is worse', () => {
    const slow = contender('One worker process', [4, 4.2, 4.4], [60, 61, 62])
    expect(verdictSentence(slow, main)).toBe(
      'One worker process made the app 2.1× less responsive at 0.42× the speed of the main process.'
    )
  })
})
