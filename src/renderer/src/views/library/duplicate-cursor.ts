/** The focused photo in the duplicate review: a group on the page and a photo in it. */
export interface Cursor {
  readonly group: number
  readonly member: number
}

/** A key's effect: a new place on this page, or a page to turn to (and where to land on it). */
export type CursorMove = { cursor: Cursor; page?: -1 | 1 }

/** Lands on the last group of a page whatever its size (clamped once the page is shown). */
export const LAST_GROUP = Number.MAX_SAFE_INTEGER

/** The cursor on the page as it is now: a group or photo that left is replaced by its neighbour. */
export function clampCursor(c: Cursor, sizes: readonly number[]): Cursor {
  if (sizes.length === 0) return { group: 0, member: 0 }
  const group = Math.min(Math.max(c.group, 0), sizes.length - 1)
  return { group, member: Math.min(Math.max(c.member, 0), sizes[group]! - 1) }
}

/**
 * Where a key moves the focus: ← → between the photos of a group, ↑ ↓ between groups (on to
 * the next or previous page at the page's edge), Page Up/Down a page, Home/End the page's first
 * and last group. `sizes` are the photos per group on the page; null when the key is not ours.
 */
export function moveCursor(
  at: Cursor,
  key: string,
  sizes: readonly number[],
  pages: { previous: boolean; next: boolean }
): CursorMove | null {
  if (sizes.length === 0) return null
  const c = clampCursor(at, sizes)
  const last = sizes.length - 1
  const to = (group: number, member: number): CursorMove => ({
    cursor: clampCursor({ group, member }, sizes)
  })
  switch (key) {
    case 'ArrowRight':
      return to(c.group, c.member + 1)
    case 'ArrowLeft':
      return to(c.group, c.member - 1)
    case 'ArrowDown':
      if (c.group < last) return to(c.group + 1, c.member)
      return pages.next ? { page: 1, cursor: { group: 0, member: 0 } } : to(c.group, c.member)
    case 'ArrowUp':
      if (c.group > 0) return to(c.group - 1, c.member)
      return pages.previous
        ? { page: -1, cursor: { group: LAST_GROUP, member: 0 } }
        : to(c.group, c.member)
    case 'PageDown':
      return pages.next ? { page: 1, cursor: { group: 0, member: 0 } } : to(last, 0)
    case 'PageUp':
      return pages.previous ? { page: -1, cursor: { group: 0, member: 0 } } : to(0, 0)
    case 'Home':
      return to(0, 0)
    case 'End':
      return to(last, 0)
    default:
      return null
  }
}
