import type { Db } from '../../platform/store/database'
import type { PreviewOutcome } from '../pool/image-pool'
import type { AssetPreviews } from '../store/asset-previews'
import type { JobRepository, PreviewJob } from '../store/job-repository'

export interface PreviewResult {
  readonly claim: PreviewJob
  readonly result: PreviewOutcome
}

export interface PreviewTally {
  done: number
  failed: number
}

/**
 * Writes a batch of phase-2 results in one transaction. A failure is the preview's, never the
 * import's: the job stays done, the photo keeps its thumbnail, the content keeps the reason.
 */
export function savePreviews(
  db: Db,
  repos: { previews: AssetPreviews; jobs: JobRepository },
  results: readonly PreviewResult[],
  now: number
): PreviewTally {
  const tally = { done: 0, failed: 0 }
  db.transaction(() => {
    for (const { claim, result } of results) {
      if (result.ok) {
        repos.previews.made(claim.hash, result.preview)
        repos.jobs.previews.set(claim.job.id, 'done', now)
        tally.done++
      } else {
        repos.previews.failed(claim.hash, result.failure.reason)
        repos.jobs.previews.set(claim.job.id, 'failed', now)
        tally.failed++
      }
    }
  })()
  return tally
}
