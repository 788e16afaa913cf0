import { randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_COOKIE = 'skyfolio_token'

export const newToken = (): string => randomBytes(24).toString('base64url')

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

/**
 * Only the host's own page may call it: a browser always sends Origin on WebSocket upgrades
 * and cross-origin requests, so a present, foreign Origin is refused.
 */
export function originAllowed(origin: string | undefined, hostOrigin: string): boolean {
  return origin === undefined || origin === hostOrigin
}

export type AuthDecision = 'ok' | 'unauthorized' | 'forbidden-origin'

export function authorize(
  headers: { cookie?: string; origin?: string; authorization?: string },
  token: string,
  hostOrigin: string
): AuthDecision {
  if (!originAllowed(headers.origin, hostOrigin)) return 'forbidden-origin'
  const bearer = headers.authorization?.startsWith('Bearer ')
    ? headers.authorization.slice(7)
    : null
  const given = cookieValue(headers.cookie, TOKEN_COOKIE) ?? bearer
  return tokensMatch(given, token) ? 'ok' : 'unauthorized'
}
