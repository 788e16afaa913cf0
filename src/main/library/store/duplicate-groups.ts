import type { PhotoSummary } from '@shared/contract/library'
import type { Db } from '../../platform/store/database'
import { ID_LIST, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './photo-rows'

/** A photo in a duplicate group: what the review view shows beside the others. */
export interface DuplicateMember extends PhotoSummary {
  readonly folder: string
  readonly format: string
  /** The content's sharpness figure (a Laplacian's variance over its thumbnail); null if unknown. */
  readonly sharpness: number | null
  /** Photos with the same `content` are the same file content (exact copies). */
  readonly content: string
}

export interface DuplicateGroup {
  /** Stable while the group lasts: its first content hash. */
  readonly key: string
  /** Best first (see bestCopy), then by date. */
  readonly members: readonly DuplicateMember[]
  /** The copy to keep: largest, then sharpest, then oldest. */
  readonly best: number
}

interface MemberRow extends SummaryRow {
  folder: string
  format: string
  hash: string
  sharpness: number | null
}

/** Sharpness within this share of each other counts as equal (recompression moves it a little). */
const SHARPNESS_TIE = 0.05

/** Which of `members` to keep: most pixels, then biggest file, then sharpest, then oldest. */
export function bestCopy(members: readonly DuplicateMember[]): DuplicateMember {
  const better = (a: DuplicateMember, b: DuplicateMember): number => {
    const pixels = b.width * b.height - a.width * a.height
    if (pixels !== 0) return pixels
    if (b.size !== a.size) return b.size - a.size
    const [sa, sb] = [a.sharpness ?? 0, b.sharpness ?? 0]
    if (Math.abs(sa - sb) > SHARPNESS_TIE * Math.max(sa, sb)) return sb - sa
    return a.date - b.date || a.id - b.id
  }
  return [...members].sort(better)[0]!
}

/** Union-find over content hashes. */
class Components {
  private readonly parent = new Map<string, string>()
  find(x: string): string {
    let root = this.parent.get(x) ?? x
    if (root !== x) this.parent.set(x, (root = this.find(root)))
    return root
  }
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
    if (!this.parent.has(a)) this.parent.set(a, this.find(a))
    if (!this.parent.has(b)) this.parent.set(b, this.find(b))
  }
  groups(): string[][] {
    const out = new Map<string, string[]>()
    for (const x of this.parent.keys()) {
      const root = this.find(x)
      const list = out.get(root)
      if (list) list.push(x)
      else out.set(root, [x])
    }
    return [...out.values()]
  }
}

/**
 * Duplicate groups among live photos (the Trash is left out): photos of one content (exact
 * copies) and contents paired as near-duplicates, joined while any pair links them. Pairs the
 * user called "not duplicates" are gone from library_similar, so they join nothing.
 */
export class DuplicateGroups {
  constructor(private readonly db: Db) {}

  /** Groups, newest first (by their newest photo), a page at a time. */
  list(offset: number, limit: number): { total: number; groups: DuplicateGroup[] } {
    const all = this.contents()
    const page = all.slice(offset, offset + limit)
    const members = this.members(page.flat())
    const groups = page.map((hashes) => group(hashes, members))
    return { total: all.length, groups }
  }

  /** The group a photo is in ("N similar photos" in the lightbox opens it), or null. */
  of(photoId: number): DuplicateGroup | null {
    const row = this.db
      .prepare<[number], { hash: string }>(
        'SELECT hash FROM library_photos WHERE id = ? AND trashed_at IS NULL'
      )
      .get(photoId)
    if (!row) return null
    const hashes = this.contents().find((g) => g.includes(row.hash))
    return hashes ? group(hashes, this.members(hashes)) : null
  }

  /** Every group as its content hashes, newest group first. */
  private contents(): string[][] {
    const live = 'EXISTS (SELECT 1 FROM library_photos p WHERE p.hash = ? AND p.trashed_at IS NULL)'
    const c = new Components()
    const pairs = this.db
      .prepare<[], [string, string]>(
        `SELECT a, b FROM library_similar
         WHERE ${live.replace('?', 'a')} AND ${live.replace('?', 'b')}`
      )
      .raw()
      .all()
    for (const [a, b] of pairs) c.join(a, b)
    const copies = this.db
      .prepare<[], [string]>(
        `SELECT hash FROM library_photos WHERE trashed_at IS NULL
         GROUP BY hash HAVING count(*) > 1`
      )
      .raw()
      .all()
    for (const [hash] of copies) c.join(hash, hash)
    const groups = c.groups().map((g) => g.sort())
    const newest = this.db
      .prepare<[string], [string, number]>(
        `SELECT hash, max(date) FROM library_photos
         WHERE trashed_at IS NULL AND hash IN ${ID_LIST} GROUP BY hash`
      )
      .raw()
      .all(JSON.stringify(groups.flat()))
    const dates = new Map(newest)
    const latest = (g: string[]): number => Math.max(...g.map((h) => dates.get(h) ?? 0))
    return groups
      .map((g) => ({ g, at: latest(g) }))
      .sort((x, y) => y.at - x.at || (x.g[0]! < y.g[0]! ? -1 : 1))
      .map((x) => x.g)
  }

  private members(hashes: readonly string[]): Map<string, DuplicateMember[]> {
    const rows = this.db
      .prepare<[string], MemberRow>(
        `SELECT ${SUMMARY_COLUMNS}, p.folder, p.format, p.hash, k.sharpness
         FROM library_photos p JOIN library_assets a ON a.hash = p.hash
         LEFT JOIN library_near_keys k ON k.hash = p.hash
         WHERE p.trashed_at IS NULL AND p.hash IN ${ID_LIST}`
      )
      .all(JSON.stringify(hashes))
    const out = new Map<string, DuplicateMember[]>()
    for (const r of rows) {
      const m: DuplicateMember = {
        ...toSummary(r),
        folder: r.folder,
        format: r.format,
        sharpness: r.sharpness,
        content: r.hash
      }
      const list = out.get(r.hash)
      if (list) list.push(m)
      else out.set(r.hash, [m])
    }
    return out
  }
}

function group(hashes: readonly string[], members: Map<string, DuplicateMember[]>): DuplicateGroup {
  const all = hashes.flatMap((h) => members.get(h) ?? [])
  const best = bestCopy(all)
  const rest = all.filter((m) => m !== best).sort((a, b) => a.date - b.date || a.id - b.id)
  return { key: hashes[0]!, members: [best, ...rest], best: best.id }
}

/**
 * "Not duplicates": the user says these photos are different pictures. Every pair of their
 * contents is remembered (library_not_duplicates) and unpaired, so the group never comes back,
 * not even after the pairs are made again. Photos of one content are the same file: they stay
 * copies. Returns the number of pairs remembered.
 */
export function dismissNotDuplicates(db: Db, photoIds: readonly number[], now: number): number {
  const remember = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO library_not_duplicates (a, b, at) VALUES (?, ?, ?)'
  )
  const unpair = db.prepare<[string, string]>('DELETE FROM library_similar WHERE a = ? AND b = ?')
  return db.transaction(() => {
    const hashes = db
      .prepare<[string], [string]>(
        `SELECT DISTINCT hash FROM library_photos WHERE id IN ${ID_LIST}`
      )
      .raw()
      .all(JSON.stringify(photoIds))
      .map(([h]) => h)
      .sort()
    let remembered = 0
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++) {
        remembered += remember.run(hashes[i]!, hashes[j]!, now).changes
        unpair.run(hashes[i]!, hashes[j]!)
      }
    return remembered
  })()
}
