import { realpath as realpathCb, stat as statCb } from 'node:fs'
import { realpath as realpathNative } from 'node:fs/promises'
import nodePath from 'node:path'
import { promisify } from 'node:util'

type PathApi = Pick<typeof nodePath, 'isAbsolute' | 'normalize' | 'relative' | 'resolve' | 'sep'>

const inside = (path: PathApi, base: string, target: string): boolean => {
  const rel = path.relative(base, target)
  return rel !== '' && !path.isAbsolute(rel) && !rel.split(path.sep).includes('..')
}

/**
 * Maps a URL path onto a file below root, or null when it would leave root (`..`, absolute
 * paths, encoded separators, NUL). Shared by the app:// protocol and the headless host.
 * `path` is injectable so tests can check Windows semantics on any OS.
 */
export function resolveInside(
  root: string,
  urlPath: string,
  path: PathApi = nodePath
): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  // A backslash is a separator on Windows: refused everywhere so every OS maps URLs alike.
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const trimmed = decoded.replace(/^\/+/, '')
  if (path.isAbsolute(trimmed)) return null
  const base = path.resolve(root)
  const target = path.resolve(base, path.normalize(trimmed || 'index.html'))
  return inside(path, base, target) ? target : null
}

// Callback forms inside app.asar, which Electron's asar support patches; elsewhere (the media
// folders, a grid's hundreds of thumbnails) the native realpath: one call, not one per component.
const inAsar = (p: string): boolean => /\.asar([\\/]|$)/.test(p)
const realpathAsar = promisify(realpathCb)
const realpath = (p: string): Promise<string> => (inAsar(p) ? realpathAsar(p) : realpathNative(p))
const stat = promisify(statCb)
const realRoots = new Map<string, Promise<string>>()
/** A root's real path; roots do not move while the app runs. */
const realRoot = (root: string): Promise<string> => {
  let real = realRoots.get(root)
  if (!real) {
    real = realpath(root)
    real.catch(() => realRoots.delete(root))
    realRoots.set(root, real)
  }
  return real
}

/**
 * resolveInside, then the same check on the real path, so a symbolic link inside root cannot
 * lead outside it. Null unless the result is an existing regular file.
 */
export async function resolveExistingInside(root: string, urlPath: string): Promise<string | null> {
  const file = resolveInside(root, urlPath)
  if (!file) return null
  try {
    const [realBase, realFile] = await Promise.all([realRoot(root), realpath(file)])
    if (!inside(nodePath, realBase, realFile)) return null
    return (await stat(realFile)).isFile() ? realFile : null
  } catch {
    return null
  }
}
