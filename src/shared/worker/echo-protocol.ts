import { z } from 'zod'

/** The echo worker proves the launcher: round trip, clean exit and crash. */
export const echoRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('echo'), seq: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('exit'), code: z.number().int().min(0).max(255) }),
  z.object({ type: z.literal('crash') })
])
export type EchoRequest = z.infer<typeof echoRequestSchema>

export const echoReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), transport: z.string() }),
  z.object({ type: z.literal('echo'), seq: z.number().int(), value: z.unknown() }),
  z.object({ type: z.literal('rejected'), reason: z.string() })
])
export type EchoReply = z.infer<typeof echoReplySchema>
