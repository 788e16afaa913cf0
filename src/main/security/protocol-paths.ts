import { isAbsolute, normalize, relative, resolve, sep } from 'node:path'

/**
 * Maps a URL path onto a file below root, or null when it would leave root (`..`, absolute
 * paths, encoded separators, NUL). Shared by the app:// protocol and the headless host.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const trimmed = decoded.replace(/^\/+/, '')
  if (isAbsolute(trimmed)) return null
  const base = resolve(root)
  const target = resolve(base, normalize(trimmed || 'index.html'))
  const rel = relative(base, target)
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null
  return target
}
