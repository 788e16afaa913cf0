/** Where a list or grid of `count` items lays out: columns per row and rows per visible page. */
export interface KeyLayout {
  count: number
  /** Items per row in a grid; leave out for a vertical list (ArrowLeft/Right then do nothing). */
  columns?: number
  /** Rows that fit in the visible area, for PageUp/PageDown. */
  rowsPerPage: number
}

/**
 * The index a navigation key moves to from `index`, clamped to the items, or null when the key
 * is not a navigation key. Arrows step by one item (left/right) or one row (up/down), PageUp
 * and PageDown by a visible page of rows, Home and End go to the first and last item.
 */
export function indexForKey(key: string, index: number, layout: KeyLayout): number | null {
  const { count, columns, rowsPerPage } = layout
  const row = columns ?? 1
  const moves: Record<string, number> = {
    ArrowDown: row,
    ArrowUp: -row,
    PageDown: row * rowsPerPage,
    PageUp: -row * rowsPerPage,
    ...(columns === undefined ? {} : { ArrowRight: 1, ArrowLeft: -1 })
  }
  let to: number
  if (Object.hasOwn(moves, key)) to = index + moves[key]!
  else if (key === 'Home') to = 0
  else if (key === 'End') to = count - 1
  else return null
  return Math.max(0, Math.min(count - 1, to))
}
