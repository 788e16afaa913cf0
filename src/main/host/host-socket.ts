import type { RawData, WebSocket } from 'ws'
import type { AppError } from '@shared/contract'
import { createBatcher } from '@shared/contract/batcher'
import {
  MAX_BATCH_FRAMES,
  MAX_MESSAGE_BYTES,
  messageTooLarge,
  wsClientMessageSchema,
  type WsServerFrame
} from '@shared/contract/wire'
import type { Core } from '../core/core'
import type { Logger } from '../platform/log'
import { createPartAssembler } from './request-parts'

/**
 * The transport's own ceiling (ws `maxPayload`): above the wire's MAX_MESSAGE_BYTES so that a
 * client which does not split gets an answer by id; only a message beyond this closes the
 * socket (code 1009), since reading it all would be the attack.
 */
export const SOCKET_CEILING_BYTES = 4 * MAX_MESSAGE_BYTES

const asBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data)
    ? data
    : Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.from(data as ArrayBuffer)

/** The ids a message names, read as far as it parses: who to answer when refusing it. */
function idsIn(text: string): number[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  const items = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && 'part' in value
      ? [value.part]
      : []
  return items.flatMap((item: unknown) =>
    item && typeof item === 'object' && 'id' in item && Number.isSafeInteger(item.id)
      ? [item.id as number]
      : []
  )
}

/** Carries the contract over one authorised socket: requests in, replies and events out. */
export function serveSocket(ws: WebSocket, core: Pick<Core, 'router' | 'bus'>, log: Logger): void {
  const send = createBatcher<WsServerFrame>((frames) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frames))
  }, setImmediate)
  const refuse = (id: number, error: AppError): void =>
    send({ kind: 'reply', id, envelope: { ok: false, error } })
  const disconnect = core.bus.connect((event, payload) => send({ kind: 'event', event, payload }))
  const inflight = new AbortController()
  const parts = createPartAssembler()

  const dispatch = (id: number, channel: string, params: unknown): void => {
    core.router
      .dispatch(channel, params, { signal: inflight.signal })
      .then((envelope) => send({ kind: 'reply', id, envelope }))
      .catch((error: unknown) => log.error('could not answer a socket request', { channel, error }))
  }

  // A protocol error (bad UTF-8, a frame over the ceiling, a broken frame): ws closes the
  // socket itself; without this listener the error would be thrown and end the host.
  ws.on('error', (error: Error & { code?: string }) => {
    log.warn('closed a socket after a protocol error', { code: error.code, reason: error.message })
  })
  ws.on('close', () => {
    disconnect()
    inflight.abort()
    parts.clear()
  })
  ws.on('message', (data) => {
    const bytes = asBuffer(data)
    const text = bytes.toString()
    if (bytes.length > MAX_MESSAGE_BYTES) {
      // No more answers than a valid batch could ask for: a refusal must not amplify.
      const ids = idsIn(text).slice(0, MAX_BATCH_FRAMES)
      log.warn('refused a socket message over the size limit', {
        bytes: bytes.length,
        ids: ids.length
      })
      for (const id of ids) refuse(id, messageTooLarge(bytes.length))
      return
    }
    let message
    try {
      message = wsClientMessageSchema.parse(JSON.parse(text))
    } catch {
      log.warn('dropped a malformed socket message')
      return
    }
    if (Array.isArray(message)) {
      for (const { id, channel, params } of message) dispatch(id, channel, params)
      return
    }
    const outcome = parts.add(message.part)
    if (outcome.kind === 'request') dispatch(outcome.id, outcome.channel, outcome.params)
    else if (outcome.kind === 'refused') {
      log.warn('refused a request sent in parts', { code: outcome.error.code })
      refuse(outcome.id, outcome.error)
    }
  })
}
