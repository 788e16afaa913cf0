import type { ImageFacts } from '@shared/worker/image-protocol'
import type { Db } from '../../platform/store/database'
import { loadedDHashIndex } from './dhash-index'
import { SimilarPairs } from './similar-pairs'

export interface AssetRow {
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

/** What one file content yields (library_assets), shared by every copy of that content. */
export class AssetRepository {
  private readonly upsert
  private readonly byHash
  private readonly orphans
  private readonly similar

  constructor(private readonly db: Db) {
    // A newer thumbnail version replaces the row; the same version is left as it is.
    this.upsert = db.prepare(
      `INSERT INTO library_assets
         (hash, width, height, format, taken_at, camera, lat, lon, thumbhash, phash, thumb, preview, version)
       VALUES (@hash, @width, @height, @format, @takenAt, @camera, @lat, @lon, @thumbhash, @phash,
               @thumb, @preview, @version)
       ON CONFLICT(hash) DO UPDATE SET width = excluded.width, height = excluded.height,
         format = excluded.format, taken_at = excluded.taken_at, camera = excluded.camera,
         lat = excluded.lat, lon = excluded.lon, thumbhash = excluded.thumbhash,
         phash = excluded.phash, thumb = excluded.thumb, preview = excluded.preview,
         version = excluded.version
       WHERE excluded.version > library_assets.version`
    )
    this.byHash = db.prepare<[string], AssetRow>('SELECT * FROM library_assets WHERE hash = ?')
    this.orphans = db.prepare(
      'DELETE FROM library_assets WHERE hash NOT IN (SELECT hash FROM library_photos) RETURNING hash'
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
      version: facts.version
    })
    if (changes > 0) this.similar.record(facts.hash, facts.phash)
  }

  get(hash: string): AssetRow | undefined {
    return this.byHash.get(hash)
  }

  /**
   * Rows no photo points at any more; their cached files stay (content-keyed, reusable). Their
   * near-duplicate pairs go with them (ON DELETE CASCADE).
   */
  deleteOrphans(): number {
    const gone = this.orphans.all() as { hash: string }[]
    const index = loadedDHashIndex(this.db)
    for (const { hash } of gone) index?.remove(hash)
    return gone.length
  }
}
