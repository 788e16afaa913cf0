import { z } from 'zod'
import { request } from './define'
import { photoSummarySchema } from './library'

// The duplicate review: groups of photos that are the same picture (exact copies of one file,
// and near-duplicates: resized, recompressed, re-encoded, lightly cropped), side by side.

const id = z.number().int().positive()

/** Groups per page: a page is read whole, so it stays small. */
export const MAX_GROUPS_PER_PAGE = 100
/** "Not duplicates" names one group's photos; a group this big is already unusual. */
export const MAX_GROUP_SIZE = 1000

const member = photoSummarySchema.extend({
  folder: z.string(),
  format: z.string(),
  /** How sharp the content is (a Laplacian's variance over its thumbnail); null if unknown. */
  sharpness: z.number().nullable(),
  /** The file's content hash: members with the same one are exact copies of one file. */
  content: z.string()
})
export type DuplicateMember = z.infer<typeof member>

export const duplicateGroupSchema = z.object({
  /** Stable while the group lasts. */
  key: z.string(),
  /** The suggested copy to keep: largest, then sharpest, then oldest. */
  best: id,
  /** The suggested copy first, then the others oldest first. */
  members: z.array(member).readonly()
})
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>

/** The review's requests, part of the library's (index.ts adds them to its channels). */
export const libraryDuplicateRequests = {
  /** Duplicate groups among photos in the library (not the Trash), newest first. */
  'library:duplicate-groups': request(
    z
      .object({
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(MAX_GROUPS_PER_PAGE).default(24)
      })
      .strict(),
    z.object({ total: z.number().int().nonnegative(), groups: z.array(duplicateGroupSchema) })
  ),
  /** The group a photo is in ("N similar photos" in the lightbox opens it), or null. */
  'library:duplicate-group-of': request(z.object({ id }).strict(), duplicateGroupSchema.nullable()),
  /**
   * "Not duplicates": these photos are different pictures. Remembered for good: they are never
   * paired again. Exact copies of one file stay copies. `remembered` counts the pairs.
   */
  'library:not-duplicates': request(
    z
      .object({
        ids: z
          .array(id)
          .min(2)
          .max(MAX_GROUP_SIZE)
          .refine((ids) => new Set(ids).size === ids.length, 'Each photo may be named once.')
      })
      .strict(),
    z.object({ remembered: z.number().int().nonnegative() })
  )
}

export type DuplicateChannel = keyof typeof libraryDuplicateRequests
