import { basename, dirname } from 'node:path'
import type {
  Facets,
  LibraryFilter,
  ListCursor,
  PhotoDetail,
  PhotoSummary,
  TrashedPhoto
} from '@shared/contract/library'
import { displayName } from '@shared/library/sources'
import { mediaUrl } from '@shared/library/thumbnails'
import type { ImageFacts } from '@shared/worker/image-protocol'
import type { Db } from '../../platform/store/database'
import { COPIES_OF, SIMILAR_TO } from './duplicate-sql'
import { EXPOSURE_COLUMNS, toExposure, type ExposureColumns } from './exposure-columns'
import { nameKey } from './name-key'
import { PhotoPages, type ListQuery, type Page } from './photo-pages'
import { ID_LIST, idList, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './photo-rows'
import { PhotoTrash } from './photo-trash'

export type { ListQuery } from './photo-pages'

interface DetailRow extends SummaryRow, ExposureColumns {
  path: string
  folder: string
  format: string
  preview: string
  preview_error: string | null
  taken_at: number | null
  imported_at: number
  camera: string | null
  lat: number | null
  lon: number | null
  source_url: string | null
  hash: string
  phash: string
}

/** Files in the library (library_photos), joined to their content's facts for display. */
/**
 * Files in the library (library_photos), joined to their content's facts for display. A photo in
 * the Trash keeps its row (trashed_at set) and leaves every list, count, facet and duplicate
 * group; importing its file again brings it back.
 */
export class PhotoRepository {
  private readonly upsert
  private readonly hashUsed
  private readonly pathKnown
  private readonly pages: PhotoPages
  private readonly trashed: PhotoTrash

  constructor(private readonly db: Db) {
    this.upsert = db.prepare<
      [
        string,
        string,
        string,
        string,
        string,
        string,
        number,
        number,
        number,
        number,
        ...unknown[]
      ],
      { id: number }
    >(
      `INSERT INTO library_photos (path, name, folder, hash, phash, format, size, mtime, date,
         imported_at, source_url, name_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, phash = excluded.phash,
         format = excluded.format, size = excluded.size, mtime = excluded.mtime,
         date = excluded.date, trashed_at = NULL
       RETURNING id`
    )
    this.hashUsed = db.prepare<[string, string], { id: number }>(
      'SELECT id FROM library_photos WHERE hash = ? AND path != ? AND trashed_at IS NULL LIMIT 1'
    )
    this.pathKnown = db.prepare<[string], { id: number }>(
      'SELECT id FROM library_photos WHERE path = ? AND trashed_at IS NULL'
    )
    this.pages = new PhotoPages(db)
    this.trashed = new PhotoTrash(db)
  }

  /**
   * Adds (or refreshes) a file; a file in the Trash comes back with its id. Returns its id and
   * whether its content was already in the library.
   */
  save(
    path: string,
    facts: ImageFacts,
    now: number,
    sourceUrl: string | null = null
  ): { id: number; duplicate: boolean } {
    const duplicate = this.hashUsed.get(facts.hash, path) !== undefined
    const name = sourceUrl ? displayName(sourceUrl) : basename(path)
    const folder = sourceUrl ? new URL(sourceUrl).host : dirname(path)
    const { id } = this.upsert.get(
      path,
      name,
      folder,
      facts.hash,
      facts.phash,
      facts.format,
      facts.bytes,
      Math.round(facts.mtime),
      Math.round(facts.takenAt ?? facts.mtime),
      now,
      sourceUrl,
      nameKey(name)
    )!
    return { id, duplicate }
  }

  /** Which of these paths are in the library (not in its Trash: importing those restores them). */
  knownPaths(paths: readonly string[]): Set<string> {
    const known = new Set<string>()
    for (const p of paths) if (this.pathKnown.get(p)) known.add(p)
    return known
  }

  list(q: ListQuery): Page<PhotoSummary> {
    return this.pages.list(q)
  }

  timeline(...args: Parameters<PhotoPages['timeline']>): ReturnType<PhotoPages['timeline']> {
    return this.pages.timeline(...args)
  }

  /** A photo, in the library or in its Trash. */
  get(id: number): PhotoDetail | null {
    const r = this.db
      .prepare<[number], DetailRow>(
        `SELECT ${SUMMARY_COLUMNS}, p.path, p.folder, p.format, p.imported_at, p.source_url,
                p.hash, p.phash, a.preview, a.preview_error, a.taken_at, a.camera, a.lat, a.lon,
                ${EXPOSURE_COLUMNS}
         FROM library_photos p JOIN library_assets a ON a.hash = p.hash WHERE p.id = ?`
      )
      .get(id)
    if (!r) return null
    const count = (sql: string, ...a: unknown[]): number =>
      (this.db.prepare(sql).get(...a) as { n: number }).n
    return {
      ...toSummary(r),
      path: r.path,
      folder: r.folder,
      format: r.format,
      // Thumbnails first: until its preview is made (or when it failed) the thumbnail stands in.
      preview: mediaUrl(r.preview || r.thumb),
      previewPending: r.preview === '' && r.preview_error === null,
      previewError: r.preview_error,
      takenAt: r.taken_at,
      importedAt: r.imported_at,
      camera: r.camera,
      lat: r.lat,
      lon: r.lon,
      exposure: toExposure(r),
      sourceUrl: r.source_url,
      copies: count(COPIES_OF, r.hash, id),
      similar: count(SIMILAR_TO, r.hash, r.hash),
      trashedAt: r.trashed_at
    }
  }

  path(id: number): string | null {
    const row = this.db
      .prepare<[number], { path: string }>('SELECT path FROM library_photos WHERE id = ?')
      .get(id)
    return row?.path ?? null
  }

  /** Where these photos' files are, in the order given (unknown ids left out). */
  files(ids: readonly number[]): { id: number; path: string; name: string }[] {
    const rows = this.db
      .prepare<[string], { id: number; path: string; name: string }>(
        `SELECT id, path, name FROM library_photos WHERE id IN ${ID_LIST}`
      )
      .all(idList(ids))
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  /** Moves photos to the Trash; returns how many were in the library. */
  remove(ids: readonly number[], now = Date.now()): number {
    return this.trashed.remove(ids, now)
  }

  restore(ids: readonly number[]): number {
    return this.trashed.restore(ids)
  }

  trash(q: { after?: ListCursor | undefined; offset: number; limit: number }): Page<TrashedPhoto> {
    return this.trashed.page(q)
  }

  /** Every photo in the Trash. */
  trashedIds(): number[] {
    return this.db
      .prepare<[], number>('SELECT id FROM library_photos WHERE trashed_at IS NOT NULL')
      .pluck()
      .all()
  }

  /** Deletes photos in the Trash for good; returns the contents they showed. */
  emptyTrash(ids: readonly number[] | null): { deleted: number; hashes: string[] } {
    return this.trashed.empty(ids)
  }

  /** Counts for the filter panel, from library_tallies (no photo is counted one by one). */
  facets(): Facets {
    const tallies = <K extends string>(kind: string, as: K, limit: number) =>
      this.db
        .prepare(
          `SELECT key AS ${as}, count FROM library_tallies WHERE kind = ?
           ORDER BY count DESC, key LIMIT ?`
        )
        .all(kind, limit) as ({ count: number } & Record<K, string>)[]
    const edge = (fn: 'min' | 'max'): number | null =>
      (
        this.db
          .prepare(`SELECT ${fn}(date) AS v FROM library_photos WHERE trashed_at IS NULL`)
          .get() as { v: number | null }
      ).v
    return {
      total: this.pages.total({}),
      folders: tallies('folder', 'folder', 200),
      formats: tallies('format', 'format', 1000),
      minDate: edge('min'),
      maxDate: edge('max'),
      duplicates: this.pages.total({ duplicates: true } satisfies LibraryFilter)
    }
  }
}
