import {
  naturalDescending,
  type LibraryFilter,
  type ListCursor,
  type PhotoSummary,
  type SortKey,
  type TimelineMonth
} from '@shared/contract/library'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../platform/store/database'
import { folderRange, planFilter, sortColumns, unfiltered, type FilterPlan } from './photo-filter'
import { summaries } from './photo-rows'

interface MonthRow {
  /** YYYY-MM; null for a date SQLite cannot place (out of its range). */
  key: string | null
  count: number
}

export interface ListQuery {
  sort: SortKey
  /** The sort key's natural direction when absent. */
  descending?: boolean | undefined
  filter: LibraryFilter
  after?: ListCursor | undefined
  offset: number
  limit: number
}

export interface Page<T> {
  total: number
  items: T[]
  next: ListCursor | null
}

/**
 * Pages, counts and months of live photos. A page is found by walking one index from a keyset
 * cursor (`after`), then only that page's rows are read (a deferred join): its cost is the page,
 * not the library. Totals and facets come from library_tallies where the filter allows.
 */
export class PhotoPages {
  private counted: { key: string; n: number } | null = null
  /** Statements by SQL: a few hundred shapes at most (sort × direction × filters used). */
  private readonly statements = new Map<string, Statement>()

  constructor(private readonly db: Db) {}

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)))
    return statement
  }

  list(q: ListQuery): Page<PhotoSummary> {
    const plan = this.plan(q.filter, q.sort)
    const { sql, args } = pageIds(plan, q)
    const rows = this.prepared(sql)
      .raw()
      .all(...args) as [number, number | string][]
    const page = rows.slice(0, q.limit)
    const last = page.at(-1)
    return {
      total: this.total(q.filter, plan),
      items: summaries(
        this.db,
        page.map(([id]) => id)
      ),
      next: rows.length > q.limit && last ? { value: last[1], id: last[0] } : null
    }
  }

  /** Live photos matching the filter. */
  total(filter: LibraryFilter, plan = this.plan(filter, 'taken')): number {
    const tally = (kind: string, where: string, ...args: unknown[]): number =>
      (
        this.prepared(
          `SELECT coalesce(sum(count), 0) AS n FROM library_tallies WHERE kind = ? AND ${where}`
        ).get(kind, ...args) as { n: number }
      ).n
    if (unfiltered(filter)) return tally('format', 'true')
    const only = (key: keyof LibraryFilter): boolean =>
      unfiltered({ ...filter, [key]: undefined }) && filter[key] !== undefined
    if (only('format')) return tally('format', 'key = ?', filter.format)
    if (only('folder')) {
      const { below, end } = folderRange(filter.folder!)
      // The same range trick as planFilter's: one range on the key, siblings dropped after.
      const where = 'key >= ? AND key < ? AND (key = ? OR key >= ?)'
      return tally('folder', where, filter.folder, end, filter.folder, below)
    }
    // Other filters are counted over the rows they match, once per change to the database.
    const changes = (this.prepared('SELECT total_changes() AS n').get() as { n: number }).n
    const key = `${changes}:${JSON.stringify(filter)}`
    if (this.counted?.key !== key) {
      const { n } = this.prepared(
        `SELECT count(*) AS n FROM library_photos p INDEXED BY ${plan.index} WHERE ${plan.where}`
      ).get(...plan.args) as { n: number }
      this.counted = { key, n }
    }
    return this.counted.n
  }

  /** Months of `taken` or `imported` dates in list order, with where each starts. */
  timeline(
    sort: 'taken' | 'imported',
    descending: boolean | undefined,
    filter: LibraryFilter
  ): { total: number; months: TimelineMonth[] } {
    const desc = descending ?? naturalDescending[sort]
    const rows = unfiltered(filter)
      ? (this.db
          .prepare('SELECT key, count FROM library_tallies WHERE kind = ?')
          .all(sort === 'taken' ? 'month' : 'imported') as MonthRow[])
      : this.countMonths(sort, filter)
    const months = rows
      .filter((r): r is { key: string; count: number } => r.key !== null && r.count > 0)
      .map((r) => ({ year: Number(r.key.slice(0, 4)), month: Number(r.key.slice(5, 7)), ...r }))
      .sort((a, b) => (a.key < b.key ? -1 : 1) * (desc ? -1 : 1))
    let offset = 0
    return {
      total: months.reduce((n, m) => n + m.count, 0),
      months: months.map(({ year, month, count }) => {
        // Descending: everything before the next month's first instant; ascending: from this
        // month's first instant. id 0 sits before every real id, so the bound is exact.
        const value = desc ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, 1)
        const m = { year, month, count, offset, cursor: { value, id: 0 } }
        offset += count
        return m
      })
    }
  }

  private countMonths(sort: 'taken' | 'imported', filter: LibraryFilter) {
    const plan = this.plan(filter, sort)
    return this.db
      .prepare(
        `SELECT strftime('%Y-%m', p.${sortColumns[sort]} / 1000.0, 'unixepoch') AS key,
                count(*) AS count
         FROM library_photos p INDEXED BY ${plan.index} WHERE ${plan.where} GROUP BY key`
      )
      .all(...plan.args) as MonthRow[]
  }

  plan(filter: LibraryFilter, sort: SortKey): FilterPlan {
    let subfolders = false
    if (filter.folder !== undefined) {
      const { below, end } = folderRange(filter.folder)
      subfolders =
        this.prepared(
          `SELECT 1 FROM library_tallies WHERE kind = 'folder' AND key >= ? AND key < ? LIMIT 1`
        ).get(below, end) !== undefined
    }
    return planFilter(filter, sort, subfolders)
  }
}

/** The ids (and sort values, for the next cursor) of one page plus one, from the index alone. */
function pageIds(plan: FilterPlan, q: ListQuery): { sql: string; args: unknown[] } {
  const column = `p.${sortColumns[q.sort]}`
  const desc = q.descending ?? naturalDescending[q.sort]
  const dir = desc ? 'DESC' : 'ASC'
  let where = plan.where
  const args = [...plan.args]
  if (q.after) {
    where += ` AND (${column}, p.id) ${desc ? '<' : '>'} (?, ?)`
    args.push(q.after.value, q.after.id)
  }
  return {
    sql: `SELECT p.id, ${column} FROM library_photos p INDEXED BY ${plan.index} WHERE ${where}
          ORDER BY ${column} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`,
    args: [...args, q.limit + 1, q.offset]
  }
}
