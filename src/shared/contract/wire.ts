import { z } from 'zod'

/** WebSocket frames between the headless host and its bridge; each message carries a batch. */
export const wsClientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  params: z.unknown()
})
export type WsClientFrame = z.infer<typeof wsClientFrameSchema>
export const wsClientMessageSchema = z.array(wsClientFrameSchema).min(1).max(1000)

export type WsServerFrame =
  | { kind: 'reply'; id: number; envelope: unknown }
  | { kind: 'event'; event: string; payload: unknown }
