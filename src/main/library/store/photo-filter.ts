import { sep } from 'node:path'
import type { LibraryFilter, SortKey } from '@shared/contract/library'
import { HAS_DUPLICATE } from './duplicate-sql'

/** The column each sort key orders by; every list ends with id, so the order is total. */
export const sortColumns: Record<SortKey, string> = {
  taken: 'date',
  imported: 'imported_at',
  name: 'name_key',
  size: 'size'
}

/** Live photos matching a filter, and the index (migration 22) that walks them. */
export interface FilterPlan {
  /** Conditions on alias `p`, starting with `p.trashed_at IS NULL` (the partial indexes need it). */
  readonly where: string
  readonly args: unknown[]
  readonly index: string
  /** The index yields rows in the sort's order: a page is a range walk, with no sort step. */
  readonly ordered: boolean
}

/** Bounds of a folder and everything below it: [folder, folder + the character after sep). */
export function folderRange(folder: string): { below: string; end: string } {
  return { below: folder + sep, end: folder + String.fromCharCode(sep.charCodeAt(0) + 1) }
}

/**
 * Builds the WHERE clause and picks the index, so that no list, count or timeline scans the
 * table: a folder uses (folder, sort key, id), a format (format, sort key, id), a date range the
 * date index; a folder with subfolders, a date range under another sort, or the duplicates filter
 * sorts only the photos they match.
 *
 * `subfolders`: whether the filter's folder has folders below it (a single folder is an
 * equality, so its index is already in order).
 */
export function planFilter(filter: LibraryFilter, sort: SortKey, subfolders: boolean): FilterPlan {
  const clauses = ['p.trashed_at IS NULL']
  const args: unknown[] = []
  let index = `library_live_${sort}`
  let ordered = true
  if (filter.folder !== undefined) {
    index = `library_live_folder_${sort}`
    if (subfolders) {
      // One index range [folder, folder0) holds the folder, its subfolders and siblings such as
      // "folder-old"; the last condition drops those siblings.
      const { below, end } = folderRange(filter.folder)
      clauses.push('p.folder >= ? AND p.folder < ? AND (p.folder = ? OR p.folder >= ?)')
      args.push(filter.folder, end, filter.folder, below)
      ordered = false
    } else {
      clauses.push('p.folder = ?')
      args.push(filter.folder)
    }
  }
  if (filter.format !== undefined) {
    clauses.push('p.format = ?')
    args.push(filter.format)
    if (filter.folder === undefined) index = `library_live_format_${sort}`
  }
  const dated = filter.from !== undefined || filter.to !== undefined
  if (filter.from !== undefined) {
    clauses.push('p.date >= ?')
    args.push(filter.from)
  }
  if (filter.to !== undefined) {
    clauses.push('p.date <= ?')
    args.push(filter.to)
  }
  if (dated && filter.folder === undefined && filter.format === undefined && sort !== 'taken') {
    index = 'library_live_taken'
    ordered = false
  }
  if (filter.duplicates) {
    clauses.push(HAS_DUPLICATE)
    if (index === `library_live_${sort}` && ordered) {
      index = 'library_live_hash'
      ordered = false
    }
  }
  return { where: clauses.join(' AND '), args, index, ordered }
}

/** True when the filter is empty: every live photo. */
export const unfiltered = (f: LibraryFilter): boolean =>
  f.folder === undefined &&
  f.format === undefined &&
  f.from === undefined &&
  f.to === undefined &&
  !f.duplicates
