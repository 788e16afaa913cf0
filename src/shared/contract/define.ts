import type { z } from 'zod'

/** A renderer→main request: params are validated in main before any handler runs. */
export interface RequestSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly params: P
  readonly result: R
}

/** A main→renderer event: its payload is validated in main before it is pushed. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P
}

export const request = <P extends z.ZodType, R extends z.ZodType>(
  params: P,
  result: R
): RequestSpec<P, R> => ({ params, result })

export const event = <P extends z.ZodType>(payload: P): EventSpec<P> => ({ payload })
