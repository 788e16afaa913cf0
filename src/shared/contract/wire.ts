import { z } from 'zod'

/** Names of the two Electron IPC channels that carry the whole contract. */
export const IPC_REQUEST = 'skyfolio:request'
export const IPC_EVENT = 'skyfolio:event'

/** WebSocket frames between the headless host and its bridge. */
export const wsClientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  params: z.unknown()
})
export type WsClientFrame = z.infer<typeof wsClientFrameSchema>

export type WsServerFrame =
  | { kind: 'reply'; id: number; envelope: unknown }
  | { kind: 'event'; event: string; payload: unknown }
