import { describe, expect, it } from 'vitest'
import { clampCursor, LAST_GROUP, moveCursor } from './duplicate-cursor'

const both = { previous: true, next: true }
const none = { previous: false, next: false }
/** Three groups of 2, 3 and 2 photos. */
const sizes = [2, 3, 2]

describe('the duplicate review keys', () => {
  it('moves between the photos of a group with ← →, stopping at its ends', () => {
    expect(moveCursor({ group: 1, member: 0 }, 'ArrowRight', sizes, none)).toEqual({
      cursor: { group: 1, member: 1 }
    })
    expect(moveCursor({ group: 1, member: 2 }, 'ArrowRight', sizes, none)?.cursor).toEqual({
      group: 1,
      member: 2
    })
    expect(moveCursor({ group: 1, member: 0 }, 'ArrowLeft', sizes, none)?.cursor).toEqual({
      group: 1,
      member: 0
    })
  })

  it('moves between groups with ↑ ↓, keeping the column where the group has one', () => {
    expect(moveCursor({ group: 1, member: 2 }, 'ArrowDown', sizes, none)?.cursor).toEqual({
      group: 2,
      member: 1
    })
    expect(moveCursor({ group: 1, member: 1 }, 'ArrowUp', sizes, none)?.cursor).toEqual({
      group: 0,
      member: 1
    })
  })

  it('turns the page at the edges of a page, and stays put on the first and last', () => {
    expect(moveCursor({ group: 2, member: 1 }, 'ArrowDown', sizes, both)).toEqual({
      page: 1,
      cursor: { group: 0, member: 0 }
    })
    expect(moveCursor({ group: 0, member: 1 }, 'ArrowUp', sizes, both)).toEqual({
      page: -1,
      cursor: { group: LAST_GROUP, member: 0 }
    })
    expect(moveCursor({ group: 2, member: 1 }, 'ArrowDown', sizes, none)).toEqual({
      cursor: { group: 2, member: 1 }
    })
    expect(moveCursor({ group: 1, member: 1 }, 'PageDown', sizes, both)?.page).toBe(1)
    expect(moveCursor({ group: 1, member: 1 }, 'PageUp', sizes, none)).toEqual({
      cursor: { group: 0, member: 0 }
    })
    expect(moveCursor({ group: 0, member: 0 }, 'End', sizes, both)).toEqual({
      cursor: { group: 2, member: 0 }
    })
  })

  it('leaves other keys to the page, and does nothing without groups', () => {
    expect(moveCursor({ group: 0, member: 0 }, 'k', sizes, both)).toBeNull()
    expect(moveCursor({ group: 0, member: 0 }, 'ArrowDown', [], both)).toBeNull()
  })

  it('keeps the cursor on the page when its group or photo leaves', () => {
    expect(clampCursor({ group: LAST_GROUP, member: 0 }, sizes)).toEqual({ group: 2, member: 0 })
    expect(clampCursor({ group: 1, member: 2 }, [2, 2])).toEqual({ group: 1, member: 1 })
    expect(clampCursor({ group: 3, member: 3 }, [])).toEqual({ group: 0, member: 0 })
  })
})
