/**
 * Many small media files in one response. A grid scrolling fast needs a few hundred
 * thumbnails a second, and each HTTP request costs the page several milliseconds of its own CPU
 * whatever the file's size (bench:gallery's trace: loader and response handling), so the grid
 * asks for its thumbnails in batches: GET /media-batch/<root>?f=<file>&f=<file>…
 *
 * The body is one frame per requested file, in the order asked: a 32-bit little-endian length,
 * then that many bytes; MISSING in place of the length for a file that is not there (or could
 * not be read, or is too large), with no bytes after it.
 */
export const MEDIA_BATCH_PREFIX = '/media-batch/'
/** Files one request may ask for. */
export const MEDIA_BATCH_MAX_FILES = 48
/** A file larger than this is answered MISSING (a thumbnail is tens of kilobytes). */
export const MEDIA_BATCH_MAX_FILE_BYTES = 4 << 20
const MISSING = 0xffffffff
/**
 * One requested path: relative, of plain segments that do not start with a dot (so no `.`,
 * `..` or hidden names); the server still resolves it inside its root as for any request.
 */
const FILE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/

export const isBatchFile = (file: string): boolean => file.length <= 200 && FILE.test(file)

/** The URL path and query that asks `root` for `files`. */
export const mediaBatchUrl = (root: string, files: readonly string[]): string =>
  `${MEDIA_BATCH_PREFIX}${root}?${files.map((f) => `f=${encodeURIComponent(f)}`).join('&')}`

/**
 * The files a batch request asks for, or null when it is not a well-formed one: 1 to
 * MEDIA_BATCH_MAX_FILES plain relative paths and nothing else in the query.
 */
export function batchRequest(url: URL): { root: string; files: string[] } | null {
  if (!url.pathname.startsWith(MEDIA_BATCH_PREFIX)) return null
  const root = url.pathname.slice(MEDIA_BATCH_PREFIX.length)
  if (!/^[a-z0-9-]+$/.test(root)) return null
  const files: string[] = []
  for (const [key, value] of url.searchParams) {
    if (key !== 'f' || !isBatchFile(value)) return null
    files.push(value)
  }
  return files.length > 0 && files.length <= MEDIA_BATCH_MAX_FILES ? { root, files } : null
}

/** The response body for these files (null: missing). */
export function encodeMediaBatch(files: readonly (Uint8Array | null)[]): Uint8Array {
  const size = files.reduce((n, f) => n + 4 + (f?.length ?? 0), 0)
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  let at = 0
  for (const f of files) {
    view.setUint32(at, f ? f.length : MISSING, true)
    at += 4
    if (f) {
      out.set(f, at)
      at += f.length
    }
  }
  return out
}

/**
 * The files of a response body, in order (null: missing), or null when the body is not
 * `expected` well-formed frames (cut short, lengths running past its end, bytes left over).
 */
export function decodeMediaBatch(
  body: ArrayBuffer,
  expected: number
): (Uint8Array | null)[] | null {
  const view = new DataView(body)
  const out: (Uint8Array | null)[] = []
  let at = 0
  while (out.length < expected) {
    if (at + 4 > body.byteLength) return null
    const length = view.getUint32(at, true)
    at += 4
    if (length === MISSING) {
      out.push(null)
      continue
    }
    if (length > MEDIA_BATCH_MAX_FILE_BYTES || at + length > body.byteLength) return null
    out.push(new Uint8Array(body, at, length))
    at += length
  }
  return at === body.byteLength ? out : null
}
