import type { Db } from '../../platform/store/database'
import type { Discovered } from './discovery'
import type { AssetRepository } from '../store/asset-repository'
import type { PoolOutcome } from '../pool/image-pool'
import type { JobRepository, JobRow } from '../store/job-repository'
import type { PhotoRepository } from '../store/photo-repository'

export interface Outcome {
  readonly job: JobRow
  readonly result: PoolOutcome
}

export interface OutcomeTally {
  done: number
  failed: number
  duplicates: number
  /** Valid files of a kind this build cannot read: left out, not failed (Retry skips them). */
  skipped: number
  /** Of `done`: files whose preview is left to phase 2. */
  previews: number
}

/**
 * Writes a batch of worker results in one transaction: each file's facts, its library entry and
 * its job's end state are all written or none is.
 */
export function saveOutcomes(
  db: Db,
  repos: { assets: AssetRepository; photos: PhotoRepository; jobs: JobRepository },
  outcomes: readonly Outcome[],
  now: number
): OutcomeTally {
  const tally = { done: 0, failed: 0, duplicates: 0, skipped: 0, previews: 0 }
  db.transaction(() => {
    for (const { job, result } of outcomes) {
      if (result.ok) {
        repos.assets.save(result.facts)
        const photo = repos.photos.save(
          job.path!,
          result.facts,
          now,
          job.kind === 'url' ? job.source : null
        )
        repos.jobs.finish(job.id, 'done', photo.duplicate ? 'duplicate' : null, null, now)
        tally.done++
        if (photo.duplicate) tally.duplicates++
        // The thumbnail is in the grid; the preview is made in phase 2 (thumbnails first).
        if (!result.facts.preview) {
          repos.jobs.previews.set(job.id, 'queued', now)
          tally.previews++
        }
      } else if (result.failure.code === 'unsupported') {
        repos.jobs.finish(job.id, 'skipped', result.failure.code, result.failure.reason, now)
        tally.skipped++
      } else {
        repos.jobs.finish(job.id, 'failed', result.failure.code, result.failure.reason, now)
        tally.failed++
      }
    }
  })()
  return tally
}

/**
 * Discovered files as new jobs: a walk failure fails its job, what the walk left out on purpose
 * (a format not supported yet, a link out of the folder) and a known path are skipped.
 */
export function jobsFor(found: readonly Discovered[], known: ReadonlySet<string>) {
  return found.map((f) => ({
    source: f.path,
    skip: f.failure
      ? { state: f.skipped ? ('skipped' as const) : ('failed' as const), ...f.failure }
      : known.has(f.path)
        ? {
            state: 'skipped' as const,
            code: 'already-imported' as const,
            reason: 'This file is already in your library.'
          }
        : undefined
  }))
}
