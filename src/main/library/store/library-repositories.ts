import type { Db } from '../../platform/store/database'
import { AssetRepository } from './asset-repository'
import { BatchReports } from './batch-reports'
import { BatchRepository } from './batch-repository'
import { JobRepository } from './job-repository'
import { PhotoRepository } from './photo-repository'

/** The library's tables, each behind one repository, built once per database. */
export interface LibraryRepositories {
  readonly jobs: JobRepository
  readonly batches: BatchRepository
  readonly reports: BatchReports
  readonly photos: PhotoRepository
  readonly assets: AssetRepository
}

export const libraryRepositories = (db: Db): LibraryRepositories => ({
  jobs: new JobRepository(db),
  batches: new BatchRepository(db),
  reports: new BatchReports(db),
  photos: new PhotoRepository(db),
  assets: new AssetRepository(db)
})
