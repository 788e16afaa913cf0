import { describe, expect, it } from 'vitest'
import { indexOfPhoto } from './follow-photo'

const list = (ids: (number | undefined)[]) => (i: number) =>
  ids[i] === undefined ? undefined : { id: ids[i]! }

describe('following the open photo through a changing list', () => {
  it('finds it where newer photos pushed it down', () => {
    // Photo 12 was at index 0; three newer photos landed above it.
    expect(indexOfPhoto(12, 0, 5, list([15, 14, 13, 12, 11]))).toBe(3)
  })

  it('finds it where a removal pulled it up', () => {
    expect(indexOfPhoto(11, 4, 4, list([15, 14, 12, 11]))).toBe(3)
  })

  it('says null when it is gone or not loaded near there', () => {
    expect(indexOfPhoto(99, 2, 5, list([15, 14, 13, 12, 11]))).toBeNull()
    expect(indexOfPhoto(12, 0, 5, list([15, undefined, undefined, undefined, 12]), 2)).toBeNull()
  })
})
