import { z } from 'zod'
import { failureCodes } from '../library/reasons'
import { none } from './app'
import { event, request } from './define'

const id = z.number().int().positive()

export const importProgressSchema = z.object({
  /** The batch being worked on; null when nothing is queued. */
  batchId: z.number().int().nullable(),
  state: z.enum(['idle', 'running', 'paused']),
  /** Folders are still being walked: the total can still grow. */
  discovering: z.boolean(),
  discovered: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  /** Of `done`: exact copies of a photo already in the library (linked, not processed). */
  duplicates: z.number().int().nonnegative(),
  downloading: z.number().int().nonnegative(),
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

export const sortKeys = ['taken', 'imported', 'name', 'size'] as const
export type SortKey = (typeof sortKeys)[number]

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
  preview: z.string(),
  takenAt: z.number().nullable(),
  importedAt: z.number(),
  camera: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  sourceUrl: z.string().nullable(),
  /** Other photos in the library with the same content (exact copies). */
  copies: z.number().int().nonnegative(),
  /** Other photos whose content is a near-duplicate: dHash within a few bits. */
  similar: z.number().int().nonnegative()
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

const MAX_SOURCES = 10_000

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
  'library:failures': request(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .strict(),
    z.object({ total: z.number().int(), items: z.array(failureItemSchema) })
  ),
  /** Puts failed files back in the queue (all of them when no ids are given). */
  'library:retry': request(
    z.object({ jobIds: z.array(id).max(MAX_SOURCES).optional() }).strict(),
    importProgressSchema
  ),
  'library:dismiss-failures': request(none, z.object({ dismissed: z.number().int() })),
  'library:show-in-folder': request(
    z.object({ jobId: id.optional(), photoId: id.optional() }).strict(),
    z.object({ shown: z.boolean() })
  ),
  'library:list': request(
    z
      .object({
        sort: z.enum(sortKeys).default('taken'),
        descending: z.boolean().default(true),
        filter: libraryFilterSchema.default({}),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200)
      })
      .strict(),
    z.object({ total: z.number().int(), items: z.array(photoSummarySchema) })
  ),
  'library:photo': request(z.object({ id }).strict(), photoDetailSchema),
  /** Removes photos from the library; files on disk are left alone. */
  'library:remove': request(
    z.object({ ids: z.array(id).min(1).max(MAX_SOURCES) }).strict(),
    z.object({ removed: z.number().int() })
  ),
  'library:facets': request(none, facetsSchema)
}

export const libraryEvents = {
  'library:progress': event(importProgressSchema),
  /** The set of photos changed; views refetch what they show. */
  'library:changed': event(
    z.object({ revision: z.number().int(), added: z.number().int(), removed: z.number().int() })
  )
}
