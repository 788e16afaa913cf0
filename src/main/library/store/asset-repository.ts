import { sidecarFile } from '@shared/library/thumbnails'
import type { ImageFacts } from '@shared/worker/image-protocol'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../platform/store/database'
import { exposureParams, type ExposureColumns } from './exposure-columns'
import { ID_LIST } from './photo-rows'
import { SimilarPairs } from './similar-pairs'

export interface AssetRow extends ExposureColumns {
  hash: string
  width: number
  height: number
  format: string
  taken_at: number | null
  camera: string | null
  lat: number | null
  lon: number | null
  thumbhash: string
  phash: string
  thumb: string
  preview: string
  version: number
}

interface Orphan {
  hash: string
  thumb: string
  preview: string | null
  version: number
}

/** What one file content yields (library_assets), shared by every copy of that content. */
export class AssetRepository {
  private readonly upsert
  private readonly byHash
  private readonly orphans
  private readonly orphansOf
  private readonly toSweep
  private readonly similar
  private captureTime: Statement<[string, number | null, string]> | null = null

  constructor(private readonly db: Db) {
    // A newer thumbnail version replaces the row; the same version is left as it is.
    this.upsert = db.prepare(
      `INSERT INTO library_assets
         (hash, width, height, format, taken_at, camera, lat, lon, thumbhash, phash, thumb, preview, version,
          exposure_time, f_number, iso, focal_length, focal_length_35, lens)
       VALUES (@hash, @width, @height, @format, @takenAt, @camera, @lat, @lon, @thumbhash, @phash,
               @thumb, @preview, @version, @exposureTime, @fNumber, @iso, @focal, @focal35, @lens)
       ON CONFLICT(hash) DO UPDATE SET width = excluded.width, height = excluded.height,
         format = excluded.format, taken_at = excluded.taken_at, camera = excluded.camera,
         lat = excluded.lat, lon = excluded.lon, thumbhash = excluded.thumbhash,
         phash = excluded.phash, thumb = excluded.thumb, preview = excluded.preview,
         version = excluded.version, exposure_time = excluded.exposure_time,
         f_number = excluded.f_number, iso = excluded.iso, focal_length = excluded.focal_length,
         focal_length_35 = excluded.focal_length_35, lens = excluded.lens
       WHERE excluded.version > library_assets.version`
    )
    this.byHash = db.prepare<[string], AssetRow>('SELECT * FROM library_assets WHERE hash = ?')
    const gone = 'RETURNING hash, thumb, preview, version'
    this.orphans = db.prepare<[], Orphan>(
      `DELETE FROM library_assets WHERE hash NOT IN (SELECT hash FROM library_photos) ${gone}`
    )
    this.orphansOf = db.prepare<[string], Orphan>(
      `DELETE FROM library_assets WHERE hash IN ${ID_LIST}
         AND NOT EXISTS (SELECT 1 FROM library_photos p WHERE p.hash = library_assets.hash)
       ${gone}`
    )
    this.toSweep = db.prepare<[string, string]>(
      `INSERT INTO library_file_sweep (hash, files) VALUES (?, ?)
       ON CONFLICT (hash) DO UPDATE SET files = excluded.files`
    )
    this.similar = new SimilarPairs(db)
  }

  /** Stores a content's facts; a new content (or a new dHash) gets its near-duplicate pairs. */
  save(facts: ImageFacts): void {
    const { changes } = this.upsert.run({
      hash: facts.hash,
      width: facts.width,
      height: facts.height,
      format: facts.format,
      takenAt: facts.takenAt,
      camera: facts.camera,
      lat: facts.lat,
      lon: facts.lon,
      thumbhash: facts.thumbhash,
      phash: facts.phash,
      thumb: facts.thumb,
      preview: facts.preview,
      version: facts.version,
      ...exposureParams(facts.exposure)
    })
    // The worker made the fingerprint from pixels it had: main never decodes the thumbnail again.
    if (changes > 0) this.similar.record(facts.hash, facts.phash, facts.fingerprint)
    if (changes > 0 && facts.takenLocal) {
      // Columns of photo weather's migrations (40–49): prepared only when there is a time to keep.
      this.captureTime ??= this.db.prepare<[string, number | null, string]>(
        'UPDATE library_assets SET taken_local = ?, taken_offset = ? WHERE hash = ?'
      )
      this.captureTime.run(facts.takenLocal, facts.takenOffset ?? null, facts.hash)
    }
  }

  get(hash: string): AssetRow | undefined {
    return this.byHash.get(hash)
  }

  /**
   * Deletes contents no photo (in the library or its Trash) shows any more: all of them, or only
   * among `hashes`. Their near-duplicate pairs go with them (ON DELETE CASCADE); their cached
   * files are listed for FileSweep, which deletes them once no import can be reusing them.
   */
  deleteOrphans(hashes?: readonly string[]): number {
    const gone = this.db.transaction(() => {
      const rows = hashes ? this.orphansOf.all(JSON.stringify(hashes)) : this.orphans.all()
      for (const r of rows) {
        const files = [sidecarFile(r.hash, r.version), r.thumb, r.preview].filter(Boolean)
        this.toSweep.run(r.hash, JSON.stringify(files))
      }
      return rows
    })()
    return gone.length
  }
}
