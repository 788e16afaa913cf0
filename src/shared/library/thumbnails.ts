/**
 * Thumbnail cache layout. Files are keyed by content hash and THUMB_VERSION, so a change to
 * sizes or encoding (bump the version) never serves a stale file and identical photos share one.
 */
export const THUMB_VERSION = 1
export const THUMB_EDGE = 256
export const PREVIEW_EDGE = 1440

const shard = (hash: string): string => hash.slice(0, 2)

/**
 * Path below the thumbnails folder, with '/' separators (also the URL path). JPEG unless the
 * picture has transparency: it encodes in 2 ms against WebP's 5 (effort 2) and Chromium decodes
 * it in about half the time (bench:gallery's notes). Thumbnails made before as WebP keep their
 * own name, which each photo's row and sidecar hold.
 */
export const thumbFile = (
  hash: string,
  format: 'jpg' | 'webp' = 'jpg',
  version = THUMB_VERSION
): string => `${shard(hash)}/${hash}-v${version}-${THUMB_EDGE}.${format}`
/** JPEG: bench/import-preview-format.ts measured it ~3.5× faster to encode than WebP. */
export const previewFile = (hash: string, version = THUMB_VERSION): string =>
  `${shard(hash)}/${hash}-v${version}-${PREVIEW_EDGE}.jpg`
export const sidecarFile = (hash: string, version = THUMB_VERSION): string =>
  `${shard(hash)}/${hash}-v${version}.json`

/** The URL the renderer loads a cached file from (served by the media route). */
export const mediaUrl = (file: string): string => `/media/thumbnails/${file}`
