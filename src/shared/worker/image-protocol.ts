import { z } from 'zod'
import { exposureSchema } from '../library/exposure'
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
  /** The camera's wall-clock capture time, "YYYY-MM-DDTHH:MM:SS" (absent from older workers). */
  takenLocal: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
    .nullish(),
  /** OffsetTimeOriginal in minutes east of UTC, when present. */
  takenOffset: z.number().int().min(-840).max(840).nullish(),
  camera: z.string().max(200).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  /** Shutter, aperture, ISO, focal length, lens (absent from older workers and cached facts). */
  exposure: exposureSchema.nullish(),
  thumbhash: z.string().max(100),
  phash: z.string().regex(/^[0-9a-f]{16}$/),
  /**
   * The near-duplicate fingerprint of the thumbnail's pixels (fingerprint-codec.ts, base64;
   * absent from older workers and cached facts: the store then makes it from the thumbnail).
   */
  fingerprint: z.string().max(4096).optional(),
  thumb: z.string().max(200),
  /** '' until phase 2 has made the preview. */
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
  /** Phase 2: the file's 1440-px preview, made only when its content still has this hash. */
  z.object({
    type: z.literal('preview'),
    seq: z.number().int().nonnegative(),
    path: z.string().min(1).max(8192),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    outDir: z.string().min(1)
  }),
  z.object({ type: z.literal('shutdown') })
])
export type ImageRequest = z.infer<typeof imageRequestSchema>

/** Image worker → parent. */
export const imageReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  z.object({ type: z.literal('done'), seq: z.number().int(), facts: imageFactsSchema }),
  /** The preview's path below the thumbnails folder. */
  z.object({
    type: z.literal('preview-done'),
    seq: z.number().int(),
    preview: z.string().max(200)
  }),
  z.object({ type: z.literal('failed'), seq: z.number().int(), failure: imageFailureSchema }),
  z.object({ type: z.literal('rejected'), reason: z.string() })
])
export type ImageReply = z.infer<typeof imageReplySchema>

/** The image worker's argument that adds "test both"'s CPU-bound JavaScript stage. */
export const JS_STAGE_FLAG = '--js-stage'
