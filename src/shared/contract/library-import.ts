import { z } from 'zod'
import { failureCodes } from '../library/reasons'

// The import's progress and each batch's report: what the library's import panel reads.

const id = z.number().int().positive()

export const importProgressSchema = z.object({
  /** The batch being worked on; null when nothing is queued. */
  batchId: z.number().int().nullable(),
  state: z.enum(['idle', 'running', 'paused']),
  /** Why Skyfolio paused the import by itself (a full disk); absent when the user paused it. */
  pauseReason: z.string().optional(),
  /** Folders are still being walked: the total can still grow. */
  discovering: z.boolean(),
  discovered: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Of `done`: exact copies of a photo already in the library (linked, not processed). */
  duplicates: z.number().int().nonnegative(),
  downloading: z.number().int().nonnegative(),
  /**
   * Thumbnails first: 'thumbnails' while files wait for phase 1 (in the grid once done), then
   * 'previews' while their 1440-px previews are made ("Previews 120 of 10,000").
   */
  phase: z.enum(['thumbnails', 'previews']).optional(),
  previewsDone: z.number().int().nonnegative().optional(),
  previewsTotal: z.number().int().nonnegative().optional(),
  /** Of previewsDone: previews that could not be made (the photo keeps its thumbnail). */
  previewsFailed: z.number().int().nonnegative().optional(),
  /** Of the current phase. */
  perSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  startedAt: z.number().nullable(),
  workers: z.number().int().nonnegative()
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const failureItemSchema = z.object({
  jobId: id,
  source: z.string(),
  name: z.string(),
  state: z.enum(['failed', 'skipped']),
  code: z.enum(failureCodes),
  reason: z.string(),
  isUrl: z.boolean(),
  at: z.number()
})
export type FailureItem = z.infer<typeof failureItemSchema>

/**
 * How a batch ended, file by file: the parts add up to `found` (every file and URL the batch
 * found). While a batch runs, what is still to do is `pending`.
 */
export const batchSummarySchema = z.object({
  found: z.number().int().nonnegative(),
  /** New photos in the library. */
  added: z.number().int().nonnegative(),
  /** Of `added`: exact copies of a photo already there (linked, not processed again). */
  copies: z.number().int().nonnegative(),
  /** Files already in your library: nothing was done. */
  alreadyThere: z.number().int().nonnegative(),
  /** Images of a format not supported yet. */
  unsupported: z.number().int().nonnegative(),
  /** Left out on purpose, not broken: links leading outside the chosen folder. */
  leftOut: z.number().int().nonnegative(),
  /** Files that could not be imported: the ones Retry reads again. */
  failed: z.number().int().nonnegative(),
  failedByReason: z.array(
    z.object({
      code: z.enum(failureCodes),
      reason: z.string(),
      count: z.number().int().positive()
    })
  ),
  /** Not read because the import was cancelled. */
  notProcessed: z.number().int().nonnegative(),
  /** Still queued or being read (a running batch, or files in flight when it was cancelled). */
  pending: z.number().int().nonnegative()
})
export type BatchSummary = z.infer<typeof batchSummarySchema>

export const batchReportSchema = z.object({
  batchId: id,
  state: z.enum(['running', 'paused', 'done', 'cancelled']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** The batch ended and every file in it settled: the summary will not change. */
  final: z.boolean(),
  dismissed: z.boolean(),
  summary: batchSummarySchema
})
export type BatchReport = z.infer<typeof batchReportSchema>
