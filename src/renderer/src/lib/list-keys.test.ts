import { describe, expect, it } from 'vitest'
import { indexForKey } from './list-keys'

describe('indexForKey', () => {
  const list = { count: 50, rowsPerPage: 10 }
  const grid = { count: 23, columns: 5, rowsPerPage: 2 }

  it('moves through a vertical list by row, page and to either end', () => {
    expect(indexForKey('ArrowDown', 0, list)).toBe(1)
    expect(indexForKey('ArrowUp', 7, list)).toBe(6)
    expect(indexForKey('PageDown', 3, list)).toBe(13)
    expect(indexForKey('PageUp', 13, list)).toBe(3)
    expect(indexForKey('Home', 30, list)).toBe(0)
    expect(indexForKey('End', 3, list)).toBe(49)
  })

  it('clamps to the first and last item', () => {
    expect(indexForKey('ArrowUp', 0, list)).toBe(0)
    expect(indexForKey('ArrowDown', 49, list)).toBe(49)
    expect(indexForKey('PageDown', 45, list)).toBe(49)
    expect(indexForKey('PageUp', 4, list)).toBe(0)
  })

  it('ignores left, right and other keys in a list', () => {
    expect(indexForKey('ArrowRight', 3, list)).toBeNull()
    expect(indexForKey('ArrowLeft', 3, list)).toBeNull()
    expect(indexForKey('Enter', 3, list)).toBeNull()
    expect(indexForKey(' ', 3, list)).toBeNull()
    expect(indexForKey('toString', 3, list)).toBeNull()
  })

  it('moves through a grid by cell, row and page of rows', () => {
    expect(indexForKey('ArrowRight', 4, grid)).toBe(5)
    expect(indexForKey('ArrowLeft', 5, grid)).toBe(4)
    expect(indexForKey('ArrowDown', 2, grid)).toBe(7)
    expect(indexForKey('ArrowUp', 7, grid)).toBe(2)
    expect(indexForKey('PageDown', 1, grid)).toBe(11)
    expect(indexForKey('PageUp', 11, grid)).toBe(1)
    expect(indexForKey('ArrowDown', 20, grid)).toBe(22)
    expect(indexForKey('End', 0, grid)).toBe(22)
    expect(indexForKey('Home', 22, grid)).toBe(0)
  })

  it('stays at 0 when there are no items', () => {
    expect(indexForKey('ArrowDown', 0, { count: 0, rowsPerPage: 5 })).toBe(0)
    expect(indexForKey('End', 0, { count: 0, columns: 3, rowsPerPage: 5 })).toBe(0)
  })
})
