import { z } from 'zod'

/**
 * Main ↔ the near-duplicate pairing worker. The worker reads the library read-only (WAL lets it
 * read beside main's writes), finds each queued content's near-duplicates and answers with what
 * main should write; main alone writes, in one short transaction per pass.
 */
const hash = z.string().regex(/^[0-9a-f]{64}$/)
/** Up to this many contents per pass: main's write of one pass stays a few milliseconds. */
export const PAIRING_PASS_MAX = 1000

/** Main → pairing worker. */
export const pairingRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('pass'),
    seq: z.number().int().nonnegative(),
    /** The library's database file (opened read-only) and its thumbnails folder. */
    database: z.string().min(1).max(8192),
    thumbsDir: z.string().min(1).max(8192),
    /** Queued contents with a key to pair, and thumbnails to read for those without one. */
    pairs: z.number().int().min(0).max(PAIRING_PASS_MAX),
    reads: z.number().int().min(0).max(64)
  }),
  z.object({ type: z.literal('shutdown') })
])
export type PairingRequest = z.infer<typeof pairingRequestSchema>
export type PairingPassRequest = Extract<PairingRequest, { type: 'pass' }>

/** A queued content's fingerprint made from its thumbnail (base64), or null when none can be. */
export const readFingerprintSchema = z.object({
  hash,
  fingerprint: z.string().max(4096).nullable()
})

/**
 * A queued content compared with its candidates: `key` is the stored key it was found with
 * (base64, null when it has none), so main can tell the content was not stored again meanwhile.
 */
export const pairedSchema = z.object({
  hash,
  key: z.string().max(400).nullable(),
  partners: z
    .array(z.object({ hash, distance: z.number().int().min(0).max(1000) }))
    .max(PAIRING_PASS_MAX)
})
export type Paired = z.infer<typeof pairedSchema>

export const pairingResultSchema = z.object({
  type: z.literal('result'),
  seq: z.number().int(),
  read: z.array(readFingerprintSchema).max(64),
  paired: z.array(pairedSchema).max(PAIRING_PASS_MAX)
})
export type PairingResult = z.infer<typeof pairingResultSchema>

/** Pairing worker → main. */
export const pairingReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int() }),
  pairingResultSchema,
  z.object({ type: z.literal('failed'), seq: z.number().int(), reason: z.string().max(500) }),
  /** A request that failed validation: a bug on main's side, answered so it is seen. */
  z.object({ type: z.literal('rejected'), reason: z.string().max(500) })
])
export type PairingReply = z.infer<typeof pairingReplySchema>
