import type { AppError } from '@shared/contract'
import {
  MAX_PARTS,
  MAX_REQUEST_CHARS,
  PART_CHARS,
  requestTooLarge,
  type WsClientPart
} from '@shared/contract/wire'

export type PartOutcome =
  | { readonly kind: 'pending' }
  | { readonly kind: 'request'; readonly id: number; readonly channel: string; params: unknown }
  | { readonly kind: 'refused'; readonly id: number; readonly error: AppError }
  /** A later part of a request already refused: answered once, not again. */
  | { readonly kind: 'ignored' }

export interface PartLimits {
  /** Characters one socket may hold in unfinished requests, all of them together. */
  readonly maxChars: number
  /** Requests one socket may be sending in parts at once. */
  readonly maxOpen: number
}

const defaults: PartLimits = { maxChars: MAX_REQUEST_CHARS, maxOpen: 4 }
// Ids whose remaining parts are dropped; bounded so a client that never finishes cannot grow it.
const MAX_REFUSED_IDS = 256

const outOfOrder: AppError = {
  code: 'invalid_params',
  message: 'The parts of this request arrived out of order; send it again.'
}
const tooManyAtOnce: AppError = {
  code: 'unavailable',
  message: 'Too many large requests are being sent at once; wait for one to finish.'
}
const notJson: AppError = {
  code: 'invalid_params',
  message: 'The parts of this request did not form a valid request.'
}

/**
 * Reassembles requests that arrive in parts (see wire.ts), one assembler per socket. Every
 * bound is checked as parts arrive, so an oversized request is refused by id at its first
 * part over the limit, never buffered whole.
 */
export function createPartAssembler(limits: PartLimits = defaults) {
  const open = new Map<number, { channel: string; count: number; parts: string[]; chars: number }>()
  const refusedIds = new Set<number>()
  let buffered = 0

  const drop = (id: number): void => {
    const entry = open.get(id)
    if (entry) buffered -= entry.chars
    open.delete(id)
  }
  const refuse = (part: WsClientPart, error: AppError): PartOutcome => {
    drop(part.id)
    if (part.index < part.count - 1) {
      if (refusedIds.size >= MAX_REFUSED_IDS) refusedIds.delete(refusedIds.values().next().value!)
      refusedIds.add(part.id)
    }
    return { kind: 'refused', id: part.id, error }
  }

  return {
    add(part: WsClientPart): PartOutcome {
      if (refusedIds.has(part.id)) {
        if (part.index >= part.count - 1) refusedIds.delete(part.id)
        return { kind: 'ignored' }
      }
      if (part.count > MAX_PARTS) return refuse(part, requestTooLarge(part.count * PART_CHARS))
      if (part.data.length > PART_CHARS) return refuse(part, outOfOrder)
      let entry = open.get(part.id)
      if (!entry) {
        if (part.index !== 0) return refuse(part, outOfOrder)
        if (open.size >= limits.maxOpen) return refuse(part, tooManyAtOnce)
        entry = { channel: part.channel, count: part.count, parts: [], chars: 0 }
        open.set(part.id, entry)
      } else if (
        entry.channel !== part.channel ||
        entry.count !== part.count ||
        entry.parts.length !== part.index
      ) {
        return refuse(part, outOfOrder)
      }
      if (entry.chars + part.data.length > MAX_REQUEST_CHARS) {
        return refuse(part, requestTooLarge(entry.chars + part.data.length))
      }
      if (buffered + part.data.length > limits.maxChars) return refuse(part, tooManyAtOnce)
      entry.parts.push(part.data)
      entry.chars += part.data.length
      buffered += part.data.length
      if (entry.parts.length < entry.count) return { kind: 'pending' }
      drop(part.id)
      try {
        return {
          kind: 'request',
          id: part.id,
          channel: entry.channel,
          params: JSON.parse(entry.parts.join(''))
        }
      } catch {
        return { kind: 'refused', id: part.id, error: notJson }
      }
    },
    /** Unfinished requests' characters held now. */
    get buffered(): number {
      return buffered
    },
    clear(): void {
      open.clear()
      refusedIds.clear()
      buffered = 0
    }
  }
}
export type PartAssembler = ReturnType<typeof createPartAssembler>
