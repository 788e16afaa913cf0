/** Names that are never photos: OS and NAS bookkeeping, trash, hidden files. */
const junkNames = new Set([
  '@eadir',
  'thumbs.db',
  'desktop.ini',
  '$recycle.bin',
  'system volume information',
  '__macosx',
  'lost+found',
  '#recycle',
  '.ds_store'
])

/** True for a file or folder a walk skips without a word (hidden or system junk). */
export function isJunkName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('._') || junkNames.has(name.toLowerCase())
}

/** Extensions a folder walk picks up; anything else in a folder is not ours to report. */
export const imageExtensions: ReadonlySet<string> = new Set([
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'png',
  'webp',
  'gif',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'bmp'
])

export function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.')
  return dot > 0 && imageExtensions.has(name.slice(dot + 1).toLowerCase())
}

/**
 * Image URLs from pasted text or a .txt file: one per line or separated by spaces; only
 * http(s); comments (#) and duplicates dropped, order kept.
 */
export function parseUrlList(text: string): { urls: string[]; rejected: string[] } {
  const urls: string[] = []
  const rejected: string[] = []
  const seen = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (!trimmed || trimmed.startsWith('#')) continue
    for (const token of trimmed.split(/\s+/)) {
      let url: URL
      try {
        url = new URL(token)
      } catch {
        rejected.push(token)
        continue
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        rejected.push(token)
        continue
      }
      if (!seen.has(url.href)) {
        seen.add(url.href)
        urls.push(url.href)
      }
    }
  }
  return { urls, rejected }
}

/** The last path segment of a file path (either separator) or a URL, for display. */
export function displayName(source: string): string {
  let tail = source
  if (/^https?:\/\//i.test(source)) {
    try {
      const u = new URL(source)
      tail = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? u.hostname)
    } catch {
      // Keep the raw text.
    }
  }
  const parts = tail.split(/[\\/]/).filter(Boolean)
  return parts[parts.length - 1] ?? source
}
