import { describe, expect, it } from 'vitest'
import type { TimelineMonth } from '@shared/contract/library'
import { headerAbove, layoutRows, rowOfIndex } from './grid-rows'

const month = (year: number, m: number, offset: number, count: number): TimelineMonth => ({
  year,
  month: m,
  offset,
  count,
  cursor: { value: 0, id: 0 }
})

describe('layoutRows', () => {
  it('fills plain rows without a timeline', () => {
    const rows = layoutRows(7, 3, null)
    expect(rows.map((r) => [r.kind, r.first, r.count])).toEqual([
      ['photos', 0, 3],
      ['photos', 3, 3],
      ['photos', 6, 1]
    ])
  })

  it('starts each month on a new row under its header', () => {
    const rows = layoutRows(5, 3, [month(2024, 7, 0, 4), month(2024, 6, 4, 1)])
    expect(rows.map((r) => [r.kind, r.first, r.count])).toEqual([
      ['header', 0, 4],
      ['photos', 0, 3],
      ['photos', 3, 1],
      ['header', 4, 1],
      ['photos', 4, 1]
    ])
    expect(rows[0]).toMatchObject({ year: 2024, month: 7 })
  })

  it('keeps photos the timeline does not cover yet, and drops months past the end', () => {
    const rows = layoutRows(4, 2, [
      month(2024, 7, 1, 2),
      month(2024, 6, 3, 5),
      month(2023, 1, 8, 1)
    ])
    expect(rows.map((r) => [r.kind, r.first, r.count])).toEqual([
      ['photos', 0, 1],
      ['header', 1, 2],
      ['photos', 1, 2],
      ['header', 3, 1],
      ['photos', 3, 1]
    ])
  })

  it('finds the row of a photo and the month above it', () => {
    const rows = layoutRows(5, 3, [month(2024, 7, 0, 4), month(2024, 6, 4, 1)])
    expect(rowOfIndex(rows, 0)).toBe(1)
    expect(rowOfIndex(rows, 3)).toBe(2)
    expect(rowOfIndex(rows, 4)).toBe(4)
    expect(headerAbove(rows, 2)).toBe(0)
    expect(headerAbove(rows, 4)).toBe(3)
  })
})
