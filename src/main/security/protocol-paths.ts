import { realpath as realpathCb, stat as statCb } from 'node:fs'
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

// Callback forms: Electron's asar support patches these for files inside app.asar.
const realpath = promisify(realpathCb)
const stat = promisify(statCb)

/**
 * resolveInside, then the same check on the real path, so a symbolic link inside root cannot
 * lead outside it. Null unless the result is an existing regular file.
 */
export async function resolveExistingInside(root: string, urlPath: string): Promise<string | null> {
  const file = resolveInside(root, urlPath)
  if (!file) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    if (!inside(nodePath, realRoot, realFile)) return null
    return (await stat(realFile)).isFile() ? realFile : null
  } catch {
    return null
  }
}
