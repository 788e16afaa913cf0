import type { ServerResponse } from 'node:http'
import { documentHeaders } from '../security/csp'

/**
 * The request target as a URL on the host's own origin, or null when it is not a path
 * (absolute-form, `*`, anything the URL parser refuses). The path is appended to the origin,
 * never resolved against it: `//evil.example/` is a path here, not another host.
 */
export function parseTarget(target: string | undefined, origin: string): URL | null {
  if (!target?.startsWith('/')) return null
  try {
    return new URL(origin + target)
  } catch {
    return null
  }
}

/** A Location that stays on this origin: `//x` or `/\x` would send the browser to host x. */
export const sameOriginLocation = (url: URL): string =>
  '/' + url.pathname.replace(/^[/\\]+/, '') + url.search

export function badRequest(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request')
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * What someone who opens the host without its token sees: how to get in, not a bare
 * "Unauthorized". The status stays 401; the token itself never appears here.
 */
export function signInPage(origin: string, wrongToken: boolean): string {
  const example = escapeHtml(`${origin}/?token=…`)
  const why = wrongToken
    ? '<p>The link you opened carries a token from another run: the host makes a new one each time it starts.</p>'
    : '<p>This address needs the access token that the host prints when it starts.</p>'
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Skyfolio — open the link from your terminal</title>
  </head>
  <body>
    <h1>Open Skyfolio with the link from your terminal</h1>
    ${why}
    <p>In the terminal where you ran <code>npm run host</code>, find the line</p>
    <pre>Skyfolio headless host: open ${example}</pre>
    <p>and open that whole address, token included. The browser then remembers it until the host stops.</p>
  </body>
</html>
`
}

export function sendSignInPage(res: ServerResponse, origin: string, wrongToken: boolean): void {
  res.writeHead(401, {
    ...documentHeaders,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store'
  })
  res.end(signInPage(origin, wrongToken))
}
