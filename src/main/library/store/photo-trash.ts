import type { ListCursor, TrashedPhoto } from '@shared/contract/library'
import type { Db } from '../../platform/store/database'
import { ID_LIST, idList, SUMMARY_COLUMNS, toTrashed, type SummaryRow } from './photo-rows'
import type { Page } from './photo-pages'

/**
 * The library's Trash: a removed photo keeps its row, marked with `trashed_at`, so Restore gives
 * it back exactly (same id, dates, name, content). Only Empty Trash deletes rows.
 */
export class PhotoTrash {
  private readonly trash
  private readonly restoreIds
  private readonly count

  constructor(private readonly db: Db) {
    this.trash = db.prepare<[number, string]>(
      `UPDATE library_photos SET trashed_at = ? WHERE id IN ${ID_LIST} AND trashed_at IS NULL`
    )
    this.restoreIds = db.prepare<[string]>(
      `UPDATE library_photos SET trashed_at = NULL
       WHERE id IN ${ID_LIST} AND trashed_at IS NOT NULL`
    )
    this.count = db.prepare<[], { n: number }>(
      'SELECT count(*) AS n FROM library_photos WHERE trashed_at IS NOT NULL'
    )
  }

  /** Moves photos to the Trash; returns how many were in the library. */
  remove(ids: readonly number[], now: number): number {
    return this.trash.run(now, idList(ids)).changes
  }

  /** Puts photos back from the Trash; returns how many were in it. */
  restore(ids: readonly number[]): number {
    return this.restoreIds.run(idList(ids)).changes
  }

  /** The Trash, most recently removed first (keyset on trashed_at, id). */
  page(q: { after?: ListCursor | undefined; offset: number; limit: number }): Page<TrashedPhoto> {
    const args: unknown[] = []
    let where = 'p.trashed_at IS NOT NULL'
    if (q.after) {
      where += ' AND (p.trashed_at, p.id) < (?, ?)'
      args.push(q.after.value, q.after.id)
    }
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM library_photos p INDEXED BY library_trash
         JOIN library_assets a ON a.hash = p.hash
         WHERE ${where} ORDER BY p.trashed_at DESC, p.id DESC LIMIT ? OFFSET ?`
      )
      .all(...args, q.limit + 1, q.offset) as SummaryRow[]
    const page = rows.slice(0, q.limit)
    const last = page.at(-1)
    return {
      total: this.count.get()!.n,
      items: page.map(toTrashed),
      next: rows.length > q.limit && last ? { value: last.trashed_at ?? 0, id: last.id } : null
    }
  }

  /**
   * Deletes photos in the Trash for good (these ids, or all of it). Returns how many, and the
   * contents they showed: the caller drops those no other photo shows.
   */
  empty(ids: readonly number[] | null): { deleted: number; hashes: string[] } {
    const gone = (
      ids
        ? this.db
            .prepare<[string], { hash: string }>(
              `DELETE FROM library_photos WHERE id IN ${ID_LIST} AND trashed_at IS NOT NULL
               RETURNING hash`
            )
            .all(idList(ids))
        : this.db
            .prepare<[], { hash: string }>(
              'DELETE FROM library_photos WHERE trashed_at IS NOT NULL RETURNING hash'
            )
            .all()
    ).map((r) => r.hash)
    return { deleted: gone.length, hashes: [...new Set(gone)] }
  }
}
