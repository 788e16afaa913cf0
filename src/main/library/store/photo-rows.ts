import type { PhotoSummary, TrashedPhoto } from '@shared/contract/library'
import { mediaUrl } from '@shared/library/thumbnails'
import type { Db } from '../../platform/store/database'

export interface SummaryRow {
  id: number
  name: string
  width: number
  height: number
  thumbhash: string
  thumb: string
  date: number
  size: number
  trashed_at: number | null
}

/** The columns a grid cell needs, from a photo (`p`) and its content (`a`). */
export const SUMMARY_COLUMNS =
  'p.id, p.name, a.width, a.height, a.thumbhash, a.thumb, p.date, p.size, p.trashed_at'

export const toSummary = (r: SummaryRow): PhotoSummary => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  placeholder: r.thumbhash,
  thumb: mediaUrl(r.thumb),
  date: r.date,
  size: r.size
})

export const toTrashed = (r: SummaryRow): TrashedPhoto => ({
  ...toSummary(r),
  trashedAt: r.trashed_at ?? 0
})

/**
 * A list of ids as one SQL parameter (a JSON array read by json_each): any number of ids in one
 * statement, with no per-statement variable limit to split around.
 */
export const ID_LIST = '(SELECT value FROM json_each(?))'
export const idList = (ids: readonly number[]): string => JSON.stringify(ids)

/** Summary rows for these ids, in the order given. */
export function summaryRows(db: Db, ids: readonly number[]): SummaryRow[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare<[string], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM library_photos p JOIN library_assets a ON a.hash = p.hash
       WHERE p.id IN ${ID_LIST}`
    )
    .all(idList(ids))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export const summaries = (db: Db, ids: readonly number[]): PhotoSummary[] =>
  summaryRows(db, ids).map(toSummary)
