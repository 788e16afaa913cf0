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

const kindNames: Record<string, string> = {
  heic: 'HEIC',
  svg: 'SVG',
  bmp: 'BMP'
}

/** Words for a file whose bytes are a format this app cannot decode. */
export function unsupportedFormat(kind: string): Failure {
  if (kind === 'heic')
    return failure(
      'unsupported',
      'HEIC photos are not supported yet. Export them as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible).'
    )
  return failure('unsupported', `${kindNames[kind] ?? kind.toUpperCase()} files are not supported.`)
}

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

/** Maps an image-library error message to a reason; the raw text is kept only in logs. */
export function decodeFailure(message: string, maxMegapixels: number): Failure {
  const m = message.toLowerCase()
  if (m.includes('pixel limit'))
    return failure(
      'too-large',
      `The image is larger than ${maxMegapixels} megapixels; it was refused to protect memory.`
    )
  if (m.includes('premature end') || m.includes('truncated') || m.includes('unexpected end'))
    return failure('truncated', 'The file is cut short (truncated); part of the image is missing.')
  if (m.includes('unsupported image format'))
    return failure('not-image', 'The contents are not a picture this app can read.')
  if (m.includes('heif') || m.includes('compression format'))
    return failure('unsupported', 'This HEIF/AVIF variant is not supported.')
  return failure('corrupt', 'The image data is damaged and could not be decoded.')
}
