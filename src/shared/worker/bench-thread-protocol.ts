import { z } from 'zod'

/** Main → a "test both" worker thread. */
export const benchThreadRequestSchema = z.object({
  seq: z.number().int().nonnegative(),
  path: z.string().min(1).max(8192),
  outDir: z.string().min(1),
  jsStage: z.boolean()
})
export type BenchThreadRequest = z.infer<typeof benchThreadRequestSchema>

/** A "test both" worker thread → main. */
export const benchThreadReplySchema = z.object({
  seq: z.number().int(),
  ok: z.boolean(),
  reason: z.string().max(500).optional()
})
export type BenchThreadReply = z.infer<typeof benchThreadReplySchema>
