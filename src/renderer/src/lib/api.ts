import type { AppError, Channel, EventName, EventPayload, Params, Result } from '@shared/contract'

/** A failed request, with the contract's error kind. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'ApiError'
  }
  get code(): AppError['code'] {
    return this.error.code
  }
}

/** Calls main and unwraps the envelope: resolves with the result or rejects with an ApiError. */
export async function call<C extends Channel>(channel: C, params: Params<C>): Promise<Result<C>> {
  const envelope = await window.api.invoke(channel, params)
  if (envelope.ok) return envelope.value
  throw new ApiError(envelope.error)
}

export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void
): () => void {
  return window.api.on(event, listener)
}

/** Words for the user from anything thrown. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong.'
