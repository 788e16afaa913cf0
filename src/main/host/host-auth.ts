import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The cookie that carries the token, named for the host's port: cookies ignore ports, so a page
 * on another loopback port could otherwise overwrite it and lock the user out.
 */
export const tokenCookieName = (port: number): string => `skyfolio_token_${port}`

export const newToken = (): string => randomBytes(24).toString('base64url')

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Every value the header gives the cookie, as sent. Not percent-decoded: the token is
 * base64url, and a header is attacker-controlled (a malformed escape must not throw). All of
 * them, because a planted cookie of the same name (another path or port) comes along too.
 */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return []
  const values: string[] = []
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim())
  }
  return values
}

/**
 * Only the host's own page may call it: a browser always sends Origin on WebSocket upgrades
 * and cross-origin requests, so a present, foreign Origin is refused.
 */
export function originAllowed(origin: string | undefined, hostOrigin: string): boolean {
  return origin === undefined || origin === hostOrigin
}

export type AuthDecision = 'ok' | 'unauthorized' | 'forbidden-origin'

export interface HostIdentity {
  readonly token: string
  readonly origin: string
  readonly cookieName: string
}

export function authorize(
  headers: { cookie?: string; origin?: string; authorization?: string },
  host: HostIdentity
): AuthDecision {
  if (!originAllowed(headers.origin, host.origin)) return 'forbidden-origin'
  const bearer = headers.authorization?.startsWith('Bearer ')
    ? headers.authorization.slice(7)
    : null
  const candidates = [...cookieValues(headers.cookie, host.cookieName), bearer]
  return candidates.some((given) => tokensMatch(given, host.token)) ? 'ok' : 'unauthorized'
}
