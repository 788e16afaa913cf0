import { z } from 'zod'
import type { AppError } from './errors'

/**
 * WebSocket messages between the headless host and its bridge. A message is either a batch of
 * requests or one part of a request too large for one message.
 *
 * Why parts rather than a larger limit: the host reads a whole message into memory before it
 * can look at it, so it keeps one message small (MAX_MESSAGE_BYTES) and lets a large request
 * (a paste of thousands of URLs) arrive in parts it can count, bound and refuse by id.
 */
export const MAX_MESSAGE_BYTES = 1 << 20
/** The longest request (its params as JSON text) the host reassembles: 16 Mi characters. */
export const MAX_REQUEST_CHARS = 16 << 20
/**
 * Characters of params text per part. JSON.stringify leaves no control character or lone
 * surrogate in the text and parts never split a surrogate pair, so each character re-encodes
 * to at most 3 bytes: a part stays under 800 KB, well inside MAX_MESSAGE_BYTES.
 */
export const PART_CHARS = 256 << 10
export const MAX_PARTS = Math.ceil(MAX_REQUEST_CHARS / PART_CHARS)
export const MAX_BATCH_FRAMES = 1000

export const wsClientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  params: z.unknown()
})
export type WsClientFrame = z.infer<typeof wsClientFrameSchema>

/** One slice of a request's params text; the host checks the bounds and answers by id. */
export const wsClientPartSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  data: z.string()
})
export type WsClientPart = z.infer<typeof wsClientPartSchema>

export const wsClientMessageSchema = z.union([
  z.array(wsClientFrameSchema).min(1).max(MAX_BATCH_FRAMES),
  z.object({ part: wsClientPartSchema }).strict()
])

export type WsServerFrame =
  | { kind: 'reply'; id: number; envelope: unknown }
  | { kind: 'event'; event: string; payload: unknown }

const megabytes = (n: number): string => (n / (1 << 20)).toFixed(1).replace(/\.0$/, '')

/** The answer to a request over MAX_REQUEST_CHARS, the same from the bridge and the host. */
export const requestTooLarge = (chars: number): AppError => ({
  code: 'invalid_params',
  message:
    `This request is too large for Skyfolio (${megabytes(chars)} MB; the limit is ` +
    `${megabytes(MAX_REQUEST_CHARS)} MB). Try fewer items at a time.`
})

/** The host's answer to a single message over MAX_MESSAGE_BYTES (a client that does not split). */
export const messageTooLarge = (bytes: number): AppError => ({
  code: 'invalid_params',
  message:
    `This message to the Skyfolio host is ${megabytes(bytes)} MB; one message may be at most ` +
    `${megabytes(MAX_MESSAGE_BYTES)} MB. Reload the page: it splits large requests itself.`
})

/** Bytes of a string once encoded as UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

function splitRequest(id: number, channel: string, params: string): string[] {
  const slices: string[] = []
  for (let start = 0; start < params.length;) {
    let end = Math.min(start + PART_CHARS, params.length)
    const last = params.charCodeAt(end - 1)
    // Never split a surrogate pair: each part must stay well-formed text.
    if (end < params.length && last >= 0xd800 && last <= 0xdbff) end--
    slices.push(params.slice(start, end))
    start = end
  }
  return slices.map((data, index) =>
    JSON.stringify({ part: { id, channel, index, count: slices.length, data } })
  )
}

export interface PackedFrames {
  /** Messages to send in order, each at most MAX_MESSAGE_BYTES. */
  readonly messages: string[]
  /** Requests too large to send at all, with the answer to give their callers. */
  readonly refused: Array<{ id: number; error: AppError }>
}

/** Packs requests into as few messages as fit the host's limits; never one it would refuse. */
export function packClientFrames(frames: readonly WsClientFrame[]): PackedFrames {
  const messages: string[] = []
  const refused: PackedFrames['refused'] = []
  let batch: string[] = []
  let batchBytes = 2 // the brackets
  const flushBatch = (): void => {
    if (batch.length) messages.push(`[${batch.join(',')}]`)
    batch = []
    batchBytes = 2
  }
  for (const frame of frames) {
    const text = JSON.stringify(frame)
    const bytes = utf8Length(text)
    if (bytes + 2 > MAX_MESSAGE_BYTES) {
      const params = JSON.stringify(frame.params ?? null)
      if (params.length > MAX_REQUEST_CHARS) {
        refused.push({ id: frame.id, error: requestTooLarge(params.length) })
        continue
      }
      flushBatch()
      messages.push(...splitRequest(frame.id, frame.channel, params))
      continue
    }
    if (batch.length === MAX_BATCH_FRAMES || batchBytes + bytes + 1 > MAX_MESSAGE_BYTES) {
      flushBatch()
    }
    batch.push(text)
    batchBytes += bytes + 1
  }
  flushBatch()
  return { messages, refused }
}
