import { z } from 'zod'

/** Every error that crosses a boundary is a value with a kind, shown to the user in words. */
export const errorCodes = [
  'unknown_channel',
  'invalid_params',
  'not_found',
  /** The request names something the caller may not use (a path nobody chose). */
  'forbidden',
  'conflict',
  'unavailable',
  'cancelled',
  'timeout',
  'network',
  'rate_limited',
  'upstream',
  'invalid_response',
  'unsupported',
  'io',
  'internal'
] as const

export const errorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const appErrorSchema = z.object({ code: errorCodeSchema, message: z.string() })
export type AppError = z.infer<typeof appErrorSchema>

/** Thrown by services; the router turns it into `{ code, message }` for the caller. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppFailure'
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message }
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError }
