import type { ImportProgress } from '@shared/contract/library'
import type { Logger } from '../../platform/log'
import type { Db } from '../../platform/store/database'
import type { ImagePool } from '../pool/image-pool'
import type { BatchCounts } from '../store/job-repository'
import type { LibraryRepositories } from '../store/library-repositories'
import type { UrlDownloader } from './url-downloader'

/** What the import queue is given: its store, its workers, its clock and whom it tells. */
export interface ImportQueueDeps {
  readonly db: Db
  /** The library's repositories, shared with the service's queries. */
  readonly repos: LibraryRepositories
  readonly log: Logger
  readonly now: () => number
  /** Starts the worker pool when there is work; it calls back when a slot frees. */
  readonly createPool: (onSlotFree: () => void) => ImagePool
  readonly downloader: UrlDownloader
  /** Called (coalesced) whenever counts change. */
  readonly onProgress: (progress: ImportProgress) => void
  /** Called (coalesced) when photos were added to the library. */
  readonly onAdded: (added: number) => void
  /** A batch ran to its end (not cancelled). */
  readonly onFinished?: (counts: BatchCounts, elapsedMs: number) => void
  readonly maxDownloads?: number
  /** Results are written together: at most this long after the first one waits. */
  readonly flushMs?: number
  /** An idle pool is stopped after this long, giving its memory back. */
  readonly idlePoolMs?: number
}
