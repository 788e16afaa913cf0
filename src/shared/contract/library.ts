import { z } from 'zod'
import { exposureSchema } from '../library/exposure'
import { none } from './app'
import { event, request } from './define'
import { batchReportSchema, failureItemSchema, importProgressSchema } from './library-import'

export * from './library-import'

const id = z.number().int().positive()

export const sortKeys = ['taken', 'imported', 'name', 'size'] as const
export type SortKey = (typeof sortKeys)[number]

/** Each sort key's natural direction: names A→Z, dates newest first, sizes largest first. */
export const naturalDescending: Readonly<Record<SortKey, boolean>> = {
  taken: true,
  imported: true,
  name: false,
  size: true
}

/**
 * A position in a sorted list: the sort key's value (a number, or for names the stored
 * natural-order key) and the photo id. A page asked `after` it starts with the next photo.
 */
export const listCursorSchema = z
  .object({ value: z.union([z.number(), z.string().max(20_000)]), id: z.number().int().min(0) })
  .strict()
export type ListCursor = z.infer<typeof listCursorSchema>

export const libraryFilterSchema = z
  .object({
    folder: z.string().max(8192).optional(),
    format: z.string().max(20).optional(),
    from: z.number().optional(),
    to: z.number().optional(),
    duplicates: z.boolean().optional()
  })
  .strict()
export type LibraryFilter = z.infer<typeof libraryFilterSchema>

export const photoSummarySchema = z.object({
  id,
  name: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Base64 thumbhash: the placeholder drawn before the thumbnail loads. */
  placeholder: z.string(),
  /** URL path of the 256-px thumbnail. */
  thumb: z.string(),
  date: z.number(),
  size: z.number().int()
})
export type PhotoSummary = z.infer<typeof photoSummarySchema>

export const photoDetailSchema = photoSummarySchema.extend({
  path: z.string(),
  folder: z.string(),
  format: z.string(),
  /** The 1440-px preview; the thumbnail's URL while the preview is not made (see below). */
  preview: z.string(),
  /** The preview is still to come (phase 2 of its import; `library:want-preview` hurries it). */
  previewPending: z.boolean().optional(),
  /** Why the preview could not be made; the photo keeps its thumbnail. */
  previewError: z.string().nullable().optional(),
  takenAt: z.number().nullable(),
  importedAt: z.number(),
  camera: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** Shutter, aperture, ISO, focal length and lens from EXIF; null when it has none of them. */
  exposure: exposureSchema.nullable(),
  sourceUrl: z.string().nullable(),
  /** Other photos in the library with the same content (exact copies). */
  copies: z.number().int().nonnegative(),
  /** Other photos whose content is a near-duplicate: dHash within a few bits. */
  similar: z.number().int().nonnegative(),
  /** When the photo was moved to the library's Trash; null while it is in the library. */
  trashedAt: z.number().nullable()
})
export type PhotoDetail = z.infer<typeof photoDetailSchema>

export const facetsSchema = z.object({
  total: z.number().int(),
  folders: z.array(z.object({ folder: z.string(), count: z.number().int() })),
  formats: z.array(z.object({ format: z.string(), count: z.number().int() })),
  minDate: z.number().nullable(),
  maxDate: z.number().nullable(),
  duplicates: z.number().int()
})
export type Facets = z.infer<typeof facetsSchema>

export const trashedPhotoSchema = photoSummarySchema.extend({ trashedAt: z.number() })
export type TrashedPhoto = z.infer<typeof trashedPhotoSchema>

export const timelineMonthSchema = z.object({
  year: z.number().int(),
  /** 1–12. Months are calendar months of the photo's date read as UTC (EXIF wall-clock time). */
  month: z.number().int().min(1).max(12),
  count: z.number().int().positive(),
  /** Photos before this month in the list's order: where its header goes in the grid. */
  offset: z.number().int().nonnegative(),
  /** Pass as `after` to `library:list` (same sort, direction, filter) to start at this month. */
  cursor: listCursorSchema
})
export type TimelineMonth = z.infer<typeof timelineMonthSchema>

const MAX_SOURCES = 10_000
/** A selection in the grid can be the whole library. */
const MAX_SELECTION = 100_000
const selection = z.object({ ids: z.array(id).min(1).max(MAX_SELECTION) }).strict()

export const libraryRequests = {
  /** Imports files, folders and image URLs; under the headless host tests pass them directly. */
  'library:import': request(
    z
      .object({
        paths: z.array(z.string().min(1).max(8192)).max(MAX_SOURCES).default([]),
        urls: z
          .array(z.url({ protocol: /^https?$/ }))
          .max(MAX_SOURCES)
          .default([])
      })
      .strict(),
    importProgressSchema
  ),
  /** Opens the native file/folder dialog and imports what was chosen. */
  'library:import-dialog': request(none, z.object({ chosen: z.number().int() })),
  'library:progress': request(none, importProgressSchema),
  'library:pause': request(none, importProgressSchema),
  'library:resume': request(none, importProgressSchema),
  'library:cancel': request(none, importProgressSchema),
  /**
   * Files that were not imported and why, each file's latest outcome once; with `batchId`,
   * that batch's report. Files already in the library and cancelled files are not listed.
   */
  'library:failures': request(
    z
      .object({
        batchId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .strict(),
    z.object({ total: z.number().int(), items: z.array(failureItemSchema) })
  ),
  /**
   * Puts failed files back in the queue: these ids, this batch's failures, or every failure.
   * Only real failures: files skipped, unsupported or already in the library are not retried.
   */
  'library:retry': request(
    z.object({ jobIds: z.array(id).max(MAX_SOURCES).optional(), batchId: id.optional() }).strict(),
    importProgressSchema
  ),
  'library:dismiss-failures': request(none, z.object({ dismissed: z.number().int() })),
  /** Recent batches with their summaries, newest first (dismissed ones left out unless asked). */
  'library:batches': request(
    z
      .object({
        limit: z.number().int().min(1).max(100).default(20),
        includeDismissed: z.boolean().default(false)
      })
      .strict(),
    z.object({ items: z.array(batchReportSchema) })
  ),
  /** Hides an ended batch's report and its failures. */
  'library:dismiss-batch': request(
    z.object({ batchId: id }).strict(),
    z.object({ dismissed: z.boolean() })
  ),
  'library:show-in-folder': request(
    z.object({ jobId: id.optional(), photoId: id.optional() }).strict(),
    z.object({ shown: z.boolean() })
  ),
  /**
   * A page of live photos. `after` (a cursor from `next` or the timeline) pages by keyset: the
   * cost of a page does not grow with how far down it is. `offset` still works (counted from
   * `after` when both are given) and walks only an index. `descending` defaults to the sort
   * key's natural direction.
   */
  'library:list': request(
    z
      .object({
        sort: z.enum(sortKeys).default('taken'),
        descending: z.boolean().optional(),
        filter: libraryFilterSchema.default({}),
        after: listCursorSchema.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200)
      })
      .strict(),
    z.object({
      total: z.number().int(),
      items: z.array(photoSummarySchema),
      /** The cursor of the last item when more follow; null at the end. */
      next: listCursorSchema.nullable()
    })
  ),
  /** Photos per month in date order, for section headers and the scrubber. */
  'library:timeline': request(
    z
      .object({
        sort: z.enum(['taken', 'imported']).default('taken'),
        descending: z.boolean().optional(),
        filter: libraryFilterSchema.default({})
      })
      .strict(),
    z.object({ total: z.number().int(), months: z.array(timelineMonthSchema) })
  ),
  'library:photo': request(z.object({ id }).strict(), photoDetailSchema),
  /**
   * The user opened this photo: if its preview is still waiting in the running import, it is
   * made next. `queued` says whether one was waiting (otherwise it exists or is not coming).
   */
  'library:want-preview': request(
    z.object({ photoId: id }).strict(),
    z.object({ queued: z.boolean() })
  ),
  /** Moves photos to the library's Trash (undo: `library:restore`); files on disk stay. */
  'library:remove': request(selection, z.object({ removed: z.number().int() })),
  /** Puts photos back from the Trash exactly as they were. */
  'library:restore': request(selection, z.object({ restored: z.number().int() })),
  /** The Trash, most recently removed first. */
  'library:trash': request(
    z
      .object({
        after: listCursorSchema.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200)
      })
      .strict(),
    z.object({
      total: z.number().int(),
      items: z.array(trashedPhotoSchema),
      next: listCursorSchema.nullable()
    })
  ),
  /** Deletes photos in the Trash for good (all of it without ids); files on disk stay. */
  'library:empty-trash': request(
    z.object({ ids: z.array(id).min(1).max(MAX_SELECTION).optional() }).strict(),
    z.object({ deleted: z.number().int() })
  ),
  /**
   * Moves the photos' original files to the system trash (the user confirmed) and the photos to
   * the library's Trash. Not available in the browser version.
   */
  'library:trash-files': request(
    z.object({ ids: z.array(id).min(1).max(MAX_SOURCES) }).strict(),
    z.object({
      moved: z.number().int(),
      failed: z.array(z.object({ id, name: z.string(), reason: z.string() }))
    })
  ),
  'library:facets': request(none, facetsSchema)
}

export const libraryEvents = {
  'library:progress': event(importProgressSchema),
  /** A batch ended (finished or cancelled) and its summary is final. */
  'library:batch-finished': event(batchReportSchema),
  /** The set of photos changed; views refetch what they show. */
  'library:changed': event(
    z.object({ revision: z.number().int(), added: z.number().int(), removed: z.number().int() })
  )
}
