/** Why a file was not added. Stored with each failed or skipped job and shown to the user. */
export const failureCodes = [
  'empty',
  'not-image',
  'unsupported',
  'truncated',
  'too-large',
  'corrupt',
  'unreadable',
  'missing',
  'loop',
  'outside-folder',
  'path-too-long',
  'timeout',
  'crashed',
  'download',
  'already-imported',
  'cancelled'
] as const
export type FailureCode = (typeof failureCodes)[number]

export interface Failure {
  readonly code: FailureCode
  readonly reason: string
}

export const failure = (code: FailureCode, reason: string): Failure => ({ code, reason })

/** Format names as people know them, for kinds (and extensions' kinds) not decoded here. */
const formatNames: Record<string, string> = {
  svg: 'SVG',
  bmp: 'BMP',
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  psd: 'Photoshop (PSD)',
  ico: 'ICO',
  tga: 'TGA',
  exr: 'OpenEXR'
}

/** Formats people meet most, with what to do instead. */
const formatAdvice: Record<string, string> = {
  heic: 'HEIC photos are not supported yet. Export them as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible).',
  raw: 'Camera RAW files are not supported yet. Import the JPEG your camera saved alongside, or export one from your RAW editor.'
}

/** Words for a file whose bytes (or, in a folder, whose name) are a format not decoded here. */
export function unsupportedFormat(kind: string): Failure {
  const name = formatNames[kind] ?? kind.toUpperCase()
  return failure('unsupported', formatAdvice[kind] ?? `${name} images are not supported yet.`)
}

/** A link in a chosen folder whose target lies outside every chosen folder. */
export const outsideChosenFolder = (): Failure =>
  failure(
    'outside-folder',
    'This link leads outside the folder you chose, so it was not followed. Choose its target to import it.'
  )

/** Maps a Node file-system error code to a reason. */
export function fileSystemFailure(errno: string | undefined): Failure {
  switch (errno) {
    case 'ENOENT':
      return failure('missing', 'The file is no longer there.')
    case 'EACCES':
    case 'EPERM':
      return failure('unreadable', 'No permission to read this file.')
    case 'ELOOP':
      return failure('loop', 'A symbolic link here points back to itself.')
    case 'ENAMETOOLONG':
      return failure('path-too-long', 'The path is too long for this system.')
    case 'EISDIR':
      return failure('unreadable', 'This is a folder, not a file.')
    case 'ENOSPC':
      return failure('unreadable', 'The disk is full; the thumbnails could not be saved.')
    case 'EIO':
      return failure('unreadable', 'The disk reported a read error.')
    default:
      return failure('unreadable', `The file could not be read (${errno ?? 'unknown error'}).`)
  }
}

export interface DecodeContext {
  readonly maxMegapixels: number
  /** What the file's bytes said it is. */
  readonly kind: string
  /** The file's own structure says bytes are missing from its end (see cut-short.ts). */
  readonly cutShort: boolean
}

const truncated = (): Failure =>
  failure('truncated', 'The file is cut short (truncated); part of the image is missing.')

/** Maps an image-library error message to a reason; the raw text is kept only in logs. */
export function decodeFailure(message: string, context: DecodeContext): Failure {
  const m = message.toLowerCase()
  if (m.includes('pixel limit'))
    return failure(
      'too-large',
      `The image is larger than ${context.maxMegapixels} megapixels; it was refused to protect memory.`
    )
  if (context.cutShort) return truncated()
  if (m.includes('premature end') || m.includes('truncated') || m.includes('unexpected end'))
    return truncated()
  // libtiff: "LZMA compression support is not configured", "Compression scheme 99 strip
  // decoding is not implemented": a valid file this build cannot read, not a damaged one.
  if (context.kind === 'tiff' && /not configured|not implemented/.test(m))
    return failure(
      'unsupported',
      'This TIFF uses a kind of compression that is not supported yet. Save it again as an LZW or uncompressed TIFF, or as JPEG.'
    )
  if (
    (context.kind === 'avif' || context.kind === 'heic') &&
    /unsupported (feature|codec|compression)|compression format/.test(m)
  )
    return failure('unsupported', 'This HEIF/AVIF variant is not supported yet.')
  // The bytes said what kind this is, so a loader that does not recognise it means damage.
  if (m.includes('unsupported image format') && context.kind === 'unknown')
    return failure('not-image', 'The contents are not a picture this app can read.')
  return failure('corrupt', 'The image data is damaged and could not be decoded.')
}
