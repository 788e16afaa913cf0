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

/** Extensions of the formats Skyfolio decodes: a folder walk queues these files. */
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
  'avif'
])

const rawExtensions = [
  ...['3fr', 'ari', 'arw', 'cr2', 'cr3', 'crw', 'dcr', 'dng', 'erf', 'fff', 'gpr', 'iiq'],
  ...['k25', 'kdc', 'mef', 'mos', 'mrw', 'nef', 'nrw', 'orf', 'pef', 'raf', 'raw', 'rw2'],
  ...['rwl', 'sr2', 'srf', 'srw', 'x3f']
]

/**
 * Image formats Skyfolio does not decode yet, by extension (value: the format's kind, for its
 * name in words). A folder walk counts these as skipped, so nothing found is left unsaid.
 */
const unsupportedExtensions: ReadonlyMap<string, string> = new Map([
  ...['heic', 'heif', 'hif'].map((e) => [e, 'heic'] as const),
  ...['svg', 'svgz'].map((e) => [e, 'svg'] as const),
  ...['jp2', 'j2k', 'j2c', 'jpc', 'jpf', 'jpx', 'jpm'].map((e) => [e, 'jp2'] as const),
  ...['bmp', 'dib'].map((e) => [e, 'bmp'] as const),
  ...['psd', 'psb'].map((e) => [e, 'psd'] as const),
  ...rawExtensions.map((e) => [e, 'raw'] as const),
  ['jxl', 'jxl'],
  ['ico', 'ico'],
  ['tga', 'tga'],
  ['exr', 'exr']
])

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

export function hasImageExtension(name: string): boolean {
  return imageExtensions.has(extensionOf(name))
}

/** The kind of an image format not decoded here that the name says the file is, if any. */
export function unsupportedFormatByName(name: string): string | null {
  return unsupportedExtensions.get(extensionOf(name)) ?? null
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
