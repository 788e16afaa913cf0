import { describe, expect, it } from 'vitest'
import type { RepeatResult, StrategyPlan, StrategyResult } from '../contract/bench'
import {
  runVerdict,
  strategyFromRepeats,
  summarizeRepeats,
  withRendererFigures
} from './bench-summary'

const pass = (repeat: number, perSecond: number, loopP99Ms: number): RepeatResult => ({
  repeat,
  processed: 10,
  failed: 0,
  wallMs: 10_000 / perSecond,
  perSecond,
  loopP99Ms,
  loopMaxMs: loopP99Ms * 2,
  weatherP99Ms: 200,
  weatherCount: 3,
  peakMainRssMb: 100 + repeat,
  peakWorkerRssMb: null,
  endMainRssMb: 100,
  renderer: null,
  status: 'complete',
  note: ''
})

const strategy = (plan: StrategyPlan, perSecond: number[], loop: number[]): StrategyResult =>
  strategyFromRepeats(
    plan,
    10,
    perSecond.map((p, i) => pass(i + 1, p, loop[i]!)),
    null
  )

describe('a strategy over its repeats', () => {
  it('keeps every repeat and gives median, min and max of each figure', () => {
    const result = strategy({ strategy: 'processes', workers: 2 }, [9, 11, 10], [6, 8, 7])
    expect(result.repeats!.map((r) => r.repeat)).toEqual([1, 2, 3])
    expect(result.summary!.perSecond).toEqual({ median: 10, min: 9, max: 11, n: 3 })
    expect(result.summary!.loopP99Ms).toEqual({ median: 7, min: 6, max: 8, n: 3 })
    expect(result.summary!.peakMainRssMb).toEqual({ median: 102, min: 101, max: 103, n: 3 })
    expect(result.summary!.peakWorkerRssMb).toBeNull()
    // The one figure per strategy is the median, not the last pass.
    expect(result).toMatchObject({ perSecond: 10, loopP99Ms: 7, status: 'complete' })
    expect(result.weatherCount).toBe(9)
  })

  it('judges by the complete repeats; a partial pass is kept but not summarised', () => {
    const repeats = [pass(1, 10, 5), { ...pass(2, 1, 50), status: 'partial' as const }]
    expect(summarizeRepeats(repeats).perSecond).toEqual({ median: 10, min: 10, max: 10, n: 1 })
    const result = strategyFromRepeats({ strategy: 'in-main', workers: 1 }, 10, repeats, null)
    expect(result.status).toBe('partial')
    expect(result.repeats).toHaveLength(2)
  })

  it("takes the window's figures per repeat, or for the whole strategy", () => {
    const result = strategy({ strategy: 'in-main', workers: 1 }, [10, 10], [5, 5])
    const one = withRendererFigures(result, 2, { longTasks: 1, frameP99Ms: 30, inputP99Ms: 40 })
    expect(one.repeats![1]!.renderer).toEqual({ longTasks: 1, frameP99Ms: 30, inputP99Ms: 40 })
    expect(one.summary!.frameP99Ms).toEqual({ median: 30, min: 30, max: 30, n: 1 })
    const whole = withRendererFigures(result, undefined, {
      longTasks: 0,
      frameP99Ms: 20,
      inputP99Ms: 25
    })
    expect(whole.renderer).toEqual({ longTasks: 0, frameP99Ms: 20, inputP99Ms: 25 })
    expect(whole.summary!.inputP99Ms!.median).toBe(25)
  })
})

describe("a run's verdict", () => {
  const main = strategy({ strategy: 'in-main', workers: 1 }, [10, 10.2, 9.9], [28, 30, 29])
  const threads = strategy({ strategy: 'threads', workers: 2 }, [10.1, 9.8, 10], [27, 29, 31])
  const one = strategy({ strategy: 'processes', workers: 1 }, [5, 5.1, 5.2], [6, 6.5, 7])
  const two = strategy({ strategy: 'processes', workers: 2 }, [9.6, 9.7, 9.8], [6, 6.5, 7])

  it('names the fastest worker-process plan against main, then threads against main', () => {
    expect(runVerdict('images', [main, threads, one, two], 3)).toBe(
      '2 worker processes kept the app 4.5× more responsive at 0.97× the speed of the main process. ' +
        "No clear difference between worker threads and the main process: the repeats' ranges overlap in speed and in responsiveness."
    )
  })

  it('compares the pipeline with one at a time and with all downloads first', () => {
    const serial = strategy({ strategy: 'one-at-a-time', workers: 1 }, [2, 2.1, 2.2], [5, 6, 7])
    const first = strategy({ strategy: 'download-first', workers: 2 }, [6, 6.2, 6.4], [5, 6, 7])
    const pipe = strategy({ strategy: 'pipeline', workers: 2 }, [8, 8.2, 8.4], [5, 6, 7])
    const verdict = runVerdict('download', [serial, first, pipe], 3)!
    expect(verdict).toContain(
      'The pipeline ran at 3.9× the speed of downloading and processing one at a time'
    )
    expect(verdict).toContain('the speed of downloading everything first')
  })

  it('says when a single repeat gave no ranges, and is null without the figures', () => {
    const single = [main, two].map((r) => ({
      ...r,
      summary: summarizeRepeats(r.repeats!.slice(0, 1))
    }))
    expect(runVerdict('images', single, 1)).toMatch(/^From one repeat each, so without ranges: /)
    expect(runVerdict('images', [two], 3)).toBeNull()
  })
})
