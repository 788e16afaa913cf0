import { isAppUrl, parseUrl } from './app-origin'

/**
 * An https link the OS browser may open: https only, a real host, no user:password@ part
 * (a classic way to dress a foreign host up as a trusted one).
 */
export function isExternalHttpsUrl(value: unknown): value is string {
  const url = parseUrl(value)
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  )
}

export type NavigationDecision =
  | { readonly action: 'allow' }
  /** `external` is the https link to hand to the OS browser, or null to drop it. */
  | { readonly action: 'deny'; readonly external: string | null }

/**
 * will-navigate / will-frame-navigate / will-redirect: a frame may only move within the app's
 * own origin. A clicked https link leaves through the OS browser; anything else is dropped.
 */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' }
  return { action: 'deny', external: isExternalHttpsUrl(url) ? url : null }
}

/**
 * window.open and target=_blank: the app never opens a second window of web content. An
 * https link goes to the OS browser; every other URL (including the app's own) is refused.
 */
export function windowOpenDecision(url: string): {
  readonly action: 'deny'
  readonly external: string | null
} {
  return { action: 'deny', external: isExternalHttpsUrl(url) ? url : null }
}
