import type { TimelineMonth } from '@shared/contract/library'

/** A row of the gallery: a month's date header, or a run of photos (list indices). */
export type GridRow =
  | { kind: 'header'; year: number; month: number; label: string; first: number; count: number }
  | { kind: 'photos'; first: number; count: number }

// Months are calendar months read as UTC (the contract's timeline).
const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
})
const monthCache = new Map<number, string>()
export function monthLabel(year: number, month: number): string {
  const key = year * 100 + month
  let label = monthCache.get(key)
  if (!label) monthCache.set(key, (label = monthFormat.format(Date.UTC(year, month - 1, 1))))
  return label
}

function pushPhotos(rows: GridRow[], first: number, end: number, columns: number): void {
  for (let i = first; i < end; i += columns)
    rows.push({ kind: 'photos', first: i, count: Math.min(columns, end - i) })
}

/**
 * The gallery's rows: with months (dated sorts) each month starts on a new row under its header;
 * without, photos simply fill rows. The list and the timeline are read apart, so while photos
 * stream in their totals can differ: photos the timeline does not cover yet fill plain rows,
 * and months past the list's end are left out.
 */
export function layoutRows(
  total: number,
  columns: number,
  months: readonly TimelineMonth[] | null
): GridRow[] {
  const rows: GridRow[] = []
  const cols = Math.max(1, columns)
  let pos = 0
  for (const m of months ?? []) {
    if (m.offset >= total) break
    if (m.offset < pos) continue
    pushPhotos(rows, pos, m.offset, cols)
    const end = Math.min(total, m.offset + m.count)
    rows.push({
      kind: 'header',
      year: m.year,
      month: m.month,
      label: monthLabel(m.year, m.month),
      first: m.offset,
      count: end - m.offset
    })
    pushPhotos(rows, m.offset, end, cols)
    pos = end
  }
  pushPhotos(rows, pos, total, cols)
  return rows
}

/** The row holding photo `index` (binary search: rows are in list order). */
export function rowOfIndex(rows: readonly GridRow[], index: number): number {
  let lo = 0
  let hi = rows.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const row = rows[mid]!
    if (row.first <= index) {
      // A header shares its first index with the row after it: prefer the photo row.
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The header above row `row` (the month it belongs to), or -1 when there is none. */
export function headerAbove(rows: readonly GridRow[], row: number): number {
  for (let i = Math.min(row, rows.length - 1); i >= 0; i--) if (rows[i]!.kind === 'header') return i
  return -1
}

/** Indices of the header rows, in order. */
export const headerRows = (rows: readonly GridRow[]): number[] =>
  rows.flatMap((r, i) => (r.kind === 'header' ? [i] : []))
