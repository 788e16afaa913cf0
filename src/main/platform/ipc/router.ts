import { ZodError } from 'zod'
import {
  AppFailure,
  isChannel,
  requests,
  type Channel,
  type Envelope,
  type ParsedParams,
  type Result
} from '@shared/contract'
import type { Logger } from '../log'

/** Who sent a request: the Electron frame or the headless host's socket. */
export interface RequestContext {
  readonly signal?: AbortSignal
}

export type Handler<C extends Channel> = (
  params: ParsedParams<C>,
  ctx: RequestContext
) => Promise<Result<C>> | Result<C>

export type Handlers<C extends Channel = Channel> = { [K in C]: Handler<K> }

export interface Router {
  dispatch(channel: unknown, params: unknown, ctx?: RequestContext): Promise<Envelope<unknown>>
}

const describeZod = (error: ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'params'}: ${i.message}`)
    .join('; ')

/**
 * Validates every request against the contract before its handler runs, and turns every
 * outcome into an envelope: the caller always gets `{ ok, value }` or `{ ok, error }`.
 */
export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async dispatch(channel, params, ctx = {}) {
      if (!isChannel(channel)) {
        log.warn('request on unknown channel', { channel: String(channel).slice(0, 100) })
        return {
          ok: false,
          error: {
            code: 'unknown_channel',
            message: `There is no request named "${String(channel).slice(0, 100)}".`
          }
        }
      }
      const parsed = requests[channel].params.safeParse(params ?? {})
      if (!parsed.success) {
        const message = describeZod(parsed.error)
        log.warn('request with invalid params', { channel, issues: message })
        return {
          ok: false,
          error: { code: 'invalid_params', message: `Invalid request ${channel}: ${message}` }
        }
      }
      try {
        const handler = handlers[channel] as Handler<Channel>
        const value = await handler(parsed.data as ParsedParams<Channel>, ctx)
        return { ok: true, value }
      } catch (error) {
        if (error instanceof AppFailure) {
          log.info('request failed', { channel, code: error.code, message: error.message })
          return { ok: false, error: error.toJSON() }
        }
        if (error instanceof ZodError) {
          log.error('handler produced data outside the contract', {
            channel,
            issues: describeZod(error)
          })
        } else {
          log.error('request crashed', { channel, error })
        }
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Skyfolio could not complete ${channel}. The details are in the log.`
          }
        }
      }
    }
  }
}
