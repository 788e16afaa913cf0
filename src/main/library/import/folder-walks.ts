import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { Logger } from '../../platform/log'
import type { Batch } from '../store/batch-repository'
import type { JobState } from '../store/job-repository'
import type { LibraryRepositories } from '../store/library-repositories'
import { discover, type Discovered } from './discovery'
import { jobsFor } from './import-results'
import type { WriteGuard } from './write-guard'

export interface WalkDeps {
  readonly repos: LibraryRepositories
  readonly guard: WriteGuard
  readonly log: Logger
  readonly now: () => number
  /** Whether `batch` is still the one being worked on (not cancelled, finished or quitting). */
  readonly current: (batch: Batch) => boolean
  /** Found files were written as jobs, in these states. */
  readonly onAdded: (states: readonly JobState[]) => void
  /** Every walk of the batch has ended. */
  readonly onWalked: (batch: Batch) => void
}

const DISCOVERY_BATCH = 256

/**
 * Walks chosen folders in small async batches and writes what it finds as jobs. On a full
 * disk it waits for Resume with the batch in hand, so no found file is lost or walked twice.
 */
export class FolderWalks {
  /** Walks running: the batch's total can still grow. */
  running = 0

  constructor(private readonly deps: WalkDeps) {}

  start(batch: Batch, roots: readonly string[], signal: AbortSignal): void {
    this.walk(batch, roots, signal).catch((error: unknown) =>
      this.deps.log.error('folder walk ended unexpectedly', { error })
    )
  }

  private async walk(batch: Batch, roots: readonly string[], signal: AbortSignal): Promise<void> {
    const { guard } = this.deps
    const stale = (): boolean => signal.aborted || !this.deps.current(batch)
    this.running++
    try {
      for await (const found of discover(roots, { batchSize: DISCOVERY_BATCH, signal })) {
        while (!stale()) {
          if (guard.reason !== null) await guard.cleared(signal)
          else if (guard.run('adding found files', () => this.add(batch, found))) break
        }
        if (stale()) return
        // Let requests and results in between two batches of a big walk.
        await yieldToLoop()
      }
    } catch (error) {
      this.deps.log.error('folder walk failed', { error })
    } finally {
      this.running--
    }
    if (!stale() && this.running === 0) this.deps.onWalked(batch)
  }

  private add(batch: Batch, found: readonly Discovered[]): void {
    const { photos, jobs } = this.deps.repos
    const known = photos.knownPaths(found.filter((f) => !f.failure).map((f) => f.path))
    this.deps.onAdded(jobs.addFiles(batch.id, jobsFor(found, known), this.deps.now()))
  }
}
