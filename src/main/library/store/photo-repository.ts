import { basename, dirname, sep } from 'node:path'
import type {
  Facets,
  LibraryFilter,
  PhotoDetail,
  PhotoSummary,
  SortKey
} from '@shared/contract/library'
import { displayName } from '@shared/library/sources'
import { mediaUrl } from '@shared/library/thumbnails'
import type { ImageFacts } from '@shared/worker/image-protocol'
import type { Db } from '../../platform/store/database'

interface SummaryRow {
  id: number
  name: string
  width: number
  height: number
  thumbhash: string
  thumb: string
  date: number
  size: number
}

interface DetailRow extends SummaryRow {
  path: string
  folder: string
  format: string
  preview: string
  taken_at: number | null
  imported_at: number
  camera: string | null
  lat: number | null
  lon: number | null
  source_url: string | null
  hash: string
  phash: string
}

export interface ListQuery {
  sort: SortKey
  descending: boolean
  filter: LibraryFilter
  offset: number
  limit: number
}

const sortColumns: Record<SortKey, string> = {
  taken: 'p.date',
  imported: 'p.imported_at',
  name: 'p.name',
  size: 'p.size'
}

/** Contents some other photo has too: exact duplicates. */
const COPIED = '(SELECT hash FROM library_photos GROUP BY hash HAVING count(*) > 1)'

/**
 * Contents with a near-duplicate (library_similar: dHashes within a few bits) that a photo in
 * the library still shows. Flat images never get pairs.
 */
const NEAR = `(SELECT s.a FROM library_similar s
    WHERE EXISTS (SELECT 1 FROM library_photos o WHERE o.hash = s.b)
  UNION SELECT s.b FROM library_similar s
    WHERE EXISTS (SELECT 1 FROM library_photos o WHERE o.hash = s.a))`

const toSummary = (r: SummaryRow): PhotoSummary => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  placeholder: r.thumbhash,
  thumb: mediaUrl(r.thumb),
  date: r.date,
  size: r.size
})

/** Files in the library (library_photos), joined to their content's facts for display. */
export class PhotoRepository {
  private readonly upsert
  private readonly hashUsed
  private readonly pathKnown

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
        string | null
      ],
      { id: number }
    >(
      `INSERT INTO library_photos
         (path, name, folder, hash, phash, format, size, mtime, date, imported_at, source_url)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET hash = excluded.hash, phash = excluded.phash,
         format = excluded.format, size = excluded.size, mtime = excluded.mtime, date = excluded.date
       RETURNING id`
    )
    this.hashUsed = db.prepare<[string, string], { id: number }>(
      'SELECT id FROM library_photos WHERE hash = ? AND path != ? LIMIT 1'
    )
    this.pathKnown = db.prepare<[string], { id: number }>(
      'SELECT id FROM library_photos WHERE path = ?'
    )
  }

  /** Adds (or refreshes) a file. Returns its id and whether its content was already there. */
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
      sourceUrl
    )!
    return { id, duplicate }
  }

  /** Which of these paths are already in the library. */
  knownPaths(paths: readonly string[]): Set<string> {
    const known = new Set<string>()
    for (const p of paths) if (this.pathKnown.get(p)) known.add(p)
    return known
  }

  private where(filter: LibraryFilter): { sql: string; args: unknown[] } {
    const clauses: string[] = []
    const args: unknown[] = []
    if (filter.folder) {
      // The folder and everything below it: a range on the index instead of LIKE.
      clauses.push('(p.folder = ? OR (p.folder >= ? AND p.folder < ?))')
      args.push(
        filter.folder,
        filter.folder + sep,
        filter.folder + String.fromCharCode(sep.charCodeAt(0) + 1)
      )
    }
    if (filter.format) {
      clauses.push('p.format = ?')
      args.push(filter.format)
    }
    if (filter.from !== undefined) {
      clauses.push('p.date >= ?')
      args.push(filter.from)
    }
    if (filter.to !== undefined) {
      clauses.push('p.date <= ?')
      args.push(filter.to)
    }
    if (filter.duplicates) {
      clauses.push(`(p.hash IN ${COPIED} OR p.hash IN ${NEAR})`)
    }
    return { sql: clauses.length ? 'WHERE ' + clauses.join(' AND ') : '', args }
  }

  list(q: ListQuery): { total: number; items: PhotoSummary[] } {
    const { sql, args } = this.where(q.filter)
    const dir = q.descending ? 'DESC' : 'ASC'
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM library_photos p ${sql}`).get(...args) as {
        n: number
      }
    ).n
    const rows = this.db
      .prepare(
        `SELECT p.id, p.name, a.width, a.height, a.thumbhash, a.thumb, p.date, p.size
         FROM library_photos p JOIN library_assets a ON a.hash = p.hash
         ${sql} ORDER BY ${sortColumns[q.sort]} ${dir}, p.id ${dir} LIMIT ? OFFSET ?`
      )
      .all(...args, q.limit, q.offset) as SummaryRow[]
    return { total, items: rows.map(toSummary) }
  }

  get(id: number): PhotoDetail | null {
    const r = this.db
      .prepare<[number], DetailRow>(
        `SELECT p.id, p.name, p.path, p.folder, p.format, p.date, p.size, p.imported_at,
                p.source_url, p.hash, p.phash, a.width, a.height, a.thumbhash, a.thumb, a.preview,
                a.taken_at, a.camera, a.lat, a.lon
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
      preview: mediaUrl(r.preview),
      takenAt: r.taken_at,
      importedAt: r.imported_at,
      camera: r.camera,
      lat: r.lat,
      lon: r.lon,
      sourceUrl: r.source_url,
      copies: count(
        'SELECT count(*) AS n FROM library_photos WHERE hash = ? AND id != ?',
        r.hash,
        id
      ),
      similar: count(
        `SELECT count(*) AS n FROM library_photos WHERE hash IN
           (SELECT b FROM library_similar WHERE a = ? UNION SELECT a FROM library_similar WHERE b = ?)`,
        r.hash,
        r.hash
      )
    }
  }

  path(id: number): string | null {
    const row = this.db
      .prepare<[number], { path: string }>('SELECT path FROM library_photos WHERE id = ?')
      .get(id)
    return row?.path ?? null
  }

  remove(ids: readonly number[]): number {
    const del = this.db.prepare<[number]>('DELETE FROM library_photos WHERE id = ?')
    let removed = 0
    this.db.transaction(() => {
      for (const id of ids) removed += del.run(id).changes
    })()
    return removed
  }

  facets(): Facets {
    const total = (
      this.db.prepare('SELECT count(*) AS n FROM library_photos').get() as { n: number }
    ).n
    const folders = this.db
      .prepare(
        `SELECT folder, count(*) AS count FROM library_photos GROUP BY folder
         ORDER BY count DESC, folder LIMIT 200`
      )
      .all() as { folder: string; count: number }[]
    const formats = this.db
      .prepare(
        'SELECT format, count(*) AS count FROM library_photos GROUP BY format ORDER BY count DESC'
      )
      .all() as { format: string; count: number }[]
    const range = this.db
      .prepare('SELECT min(date) AS lo, max(date) AS hi FROM library_photos')
      .get() as { lo: number | null; hi: number | null }
    const duplicates = (
      this.db
        .prepare(
          `SELECT count(*) AS n FROM library_photos
           WHERE hash IN ${COPIED} OR hash IN ${NEAR}`
        )
        .get() as { n: number }
    ).n
    return { total, folders, formats, minDate: range.lo, maxDate: range.hi, duplicates }
  }
}
