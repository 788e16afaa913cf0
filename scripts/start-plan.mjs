// `npm start`'s decisions as pure functions (unit-tested in test/scripts/): which version of
// Skyfolio to start, how to open a browser on this OS, and what to tell the person.

const UNIX_DESKTOPS = new Set(['linux', 'freebsd', 'openbsd', 'netbsd', 'sunos'])

/** A desktop to show a window on: always on macOS and Windows; X11 or Wayland elsewhere. */
export function hasDisplay(platform, env) {
  if (!UNIX_DESKTOPS.has(platform)) return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/**
 * What `npm start` does first: `electron` (installed, and there is a display), `fetch` (missing,
 * so try electron's installer), or `browser` with the reason the desktop app cannot run.
 */
export function startPlan({ binary, platform, env }) {
  if (!hasDisplay(platform, env))
    return {
      kind: 'browser',
      reason: 'there is no display for a desktop window (DISPLAY and WAYLAND_DISPLAY are unset)'
    }
  if (binary) return { kind: 'electron', binary }
  return { kind: 'fetch' }
}

/** The one line that says why this is the browser version. */
export const browserReasonLine = (reason) =>
  `Skyfolio: starting the browser version, because ${reason}.`

/** The reason line for a runtime that could not be fetched. */
export const fetchFailedReason = (reason) =>
  `the Electron runtime could not be downloaded: ${reason}`

/**
 * The command that opens a URL in the default browser, or null with the reason there is none
 * to use. On Linux `open` is openvt, so only xdg-open; without a display xdg-open would start a
 * text browser in this terminal, so nothing is opened there.
 */
export function browserOpener(platform, env, url) {
  if (platform === 'darwin') return { command: 'open', args: [url] }
  if (platform === 'win32')
    // start's first quoted argument is a window title; the URL holds no cmd metacharacters.
    return {
      command: env.ComSpec || 'cmd.exe',
      args: ['/d', '/s', '/c', `start "" "${url}"`],
      verbatim: true
    }
  if (!hasDisplay(platform, env)) return { command: null, reason: 'there is no display' }
  return { command: 'xdg-open', args: [url] }
}

const HOST_URL = /Skyfolio headless host: open (http:\/\/\S+)/

/** The URL in the headless host's announcement line, or null. */
export function hostUrlFrom(text) {
  return HOST_URL.exec(text)?.[1] ?? null
}
