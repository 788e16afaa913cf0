/**
 * The app's own origin. The renderer is served from app://skyfolio/ (a privileged, standard,
 * secure scheme), never from file://, so the CSP's 'self' means exactly the app's files.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'skyfolio'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * How app:// is registered before `ready`. standard + secure give it a real origin and a
 * secure context; it never bypasses the CSP and serves no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
  // Registers app: with Chromium's CORS machinery so module scripts (crossorigin) load from it;
  // it grants no cross-origin reads: responses carry no Access-Control-Allow-Origin.
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false
} as const

export const parseUrl = (value: unknown): URL | null => {
  if (typeof value !== 'string' || value.length > 8192) return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/**
 * True for a URL on the app's own origin. Compared field by field: under plain Node, URL.origin
 * is 'null' for a non-special scheme like app:, so origins cannot be compared as strings.
 */
export function isAppUrl(value: unknown): boolean {
  const url = parseUrl(value)
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  )
}
