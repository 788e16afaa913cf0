import { z } from 'zod'
import { failureCodes } from '../library/reasons'

/** Everything the worker learned about one file. */
export const imageFactsSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  mtime: z.number(),
  /** Width and height after EXIF orientation is applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.string().max(20),
  takenAt: z.number().nullable(),
  camera: z.string().max(200).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  thumbhash: z.string().max(100),
  phash: z.string().regex(/^[0-9a-f]{16}$/),
  thumb: z.string().max(200),
  preview: z.string().max(200),
  version: z.number().int().positive(),
  /** True when this content had been processed before (outputs reused, nothing decoded). */
  reused: z.boolean()
})
export type ImageFacts = z.infer<typeof imageFactsSchema>

export const imageFailureSchema = z.object({
  code: z.enum(failureCodes),
  reason: z.string().max(500)
})

/** Parent → image worker. */
export const imageRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('process'),
    seq: z.number().int().nonnegative(),
    path: z.string().min(1).max(8192),
    /** The thumbnails folder. */
    outDir: z.string().min(1)
  }),
  z.object({ type: z.literal('shutdown') })
])
export type ImageRequest = z.infer<typeof imageRequestSchema>

/** Image worker → parent. */
export const imageReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('done'), seq: z.number().int(), facts: imageFactsSchema }),
  z.object({ type: z.literal('failed'), seq: z.number().int(), failure: imageFailureSchema }),
  z.object({ type: z.literal('rejected'), reason: z.string() })
])
export type ImageReply = z.infer<typeof imageReplySchema>

/** The image worker's argument that adds "test both"'s CPU-bound JavaScript stage. */
export const JS_STAGE_FLAG = '--js-stage'
