import { describe, expect, it } from 'vitest'
import type { BatchReport, BatchSummary, ImportProgress } from '@shared/contract/library'
import {
  phaseLine,
  previewsFailedText,
  summaryHeadline,
  summaryLine,
  summaryParts,
  timingText
} from './import-words'
import { idleProgress } from './use-import-progress'

const progress = (over: Partial<ImportProgress>): ImportProgress => ({
  ...idleProgress,
  batchId: 1,
  state: 'running',
  ...over
})

const summary = (over: Partial<BatchSummary>): BatchSummary => ({
  found: 0,
  added: 0,
  copies: 0,
  alreadyThere: 0,
  unsupported: 0,
  leftOut: 0,
  failed: 0,
  failedByReason: [],
  notProcessed: 0,
  pending: 0,
  ...over
})

const report = (state: BatchReport['state'], over: Partial<BatchSummary>): BatchReport => ({
  batchId: 3,
  state,
  startedAt: 0,
  finishedAt: 1,
  final: true,
  dismissed: false,
  summary: summary(over)
})

describe('the import panel’s words', () => {
  it('says how many photos were found while folders are walked, never "0 of N"', () => {
    const line = phaseLine(progress({ discovering: true, discovered: 1234 }))
    expect(line).toEqual({ label: 'Finding photos…', count: '1,234 found', fraction: null })
    expect(timingText(progress({ discovering: true, discovered: 1234, done: 0 }))).toBe('')
    expect(timingText(progress({ discovering: true, discovered: 99, done: 3 }))).toBe(
      '3 photos in the grid'
    )
  })

  it('follows the thumbnails, then the previews', () => {
    const one = phaseLine(
      progress({ phase: 'thumbnails', discovered: 10_000, done: 1200, failed: 30, skipped: 4 })
    )
    expect(one).toEqual({ label: 'Thumbnails', count: '1,234 of 10,000', fraction: 0.1234 })
    const two = phaseLine(
      progress({ phase: 'previews', discovered: 10_000, previewsDone: 120, previewsTotal: 10_000 })
    )
    expect(two).toEqual({ label: 'Previews', count: '120 of 10,000', fraction: 0.012 })
  })

  it('says a failed preview leaves its photo a thumbnail', () => {
    expect(previewsFailedText(3)).toBe(
      '3 previews could not be made; those photos keep their thumbnails'
    )
    expect(previewsFailedText(1)).toBe(
      '1 preview could not be made; that photo keeps its thumbnail'
    )
  })
})

describe('a batch’s summary', () => {
  it('shows parts that add up to the files found, zeros where a user asks', () => {
    const s = summary({ found: 334, alreadyThere: 334 })
    const parts = summaryParts(s, 'done')
    expect(parts.map((p) => [p.label, p.count])).toEqual([
      ['Added', 0],
      ['Already in your library', 334],
      ['Not supported', 0],
      ['Failed', 0]
    ])
    expect(summaryHeadline(report('done', s))).toBe(
      'Import finished: all 334 already in your library'
    )
  })

  it('says a cancelled import left files not processed, and the parts still add up', () => {
    const s = summary({ found: 100, added: 40, failed: 2, notProcessed: 55, pending: 3 })
    const parts = summaryParts(s, 'cancelled')
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(100)
    expect(parts.find((p) => p.key === 'failed')?.tone).toBe('danger')
    expect(summaryHeadline(report('cancelled', s))).toBe('Cancelled: 55 not processed')
    expect(summaryLine(report('cancelled', s))).toBe(
      '100 found: 40 added, 2 failed, 55 not processed, 3 still being finished'
    )
  })
})
