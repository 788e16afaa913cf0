import type { Db } from '../../src/main/platform/store/database'
import { libraryRepositories } from '../../src/main/library/store/library-repositories'
import { photoFacts } from './photo-store-kit'

export interface SeedPhoto {
  lat: number | null
  lon: number | null
  /** The camera's wall clock, "YYYY-MM-DDTHH:MM:SS", or null for none. */
  local: string | null
  /** OffsetTimeOriginal in minutes, if the camera wrote one. */
  offset?: number | null
}

/**
 * Photo rows (no image files) through the library's own repositories, as an import writes them:
 * one content per photo, GPS and capture time as the worker reports them. Returns their ids.
 */
export function seedPhotos(db: Db, photos: readonly SeedPhoto[], firstN = 1): number[] {
  const { assets, photos: repo } = libraryRepositories(db)
  const ids: number[] = []
  db.transaction(() => {
    photos.forEach((p, i) => {
      const n = firstN + i
      const facts = photoFacts(n, {
        lat: p.lat,
        lon: p.lon,
        takenAt: p.local ? Date.parse(`${p.local}Z`) : null,
        takenLocal: p.local,
        takenOffset: p.offset ?? null
      })
      assets.save(facts)
      ids.push(repo.save(`/photos/p${n}.jpg`, facts, Date.now()).id)
    })
  })()
  return ids
}
