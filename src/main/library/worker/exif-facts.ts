import exifReader from 'exif-reader'
import { isEmptyExposure, type Exposure } from '@shared/library/exposure'

export interface ExifFacts {
  /** DateTimeOriginal read as if UTC (kept for sorting); see takenLocal/takenOffset. */
  takenAt: number | null
  /** The capture's wall-clock time as the camera wrote it, "YYYY-MM-DDTHH:MM:SS". */
  takenLocal: string | null
  /** OffsetTimeOriginal in minutes east of UTC, when the camera wrote one. */
  takenOffset: number | null
  camera: string | null
  lat: number | null
  lon: number | null
  /** Shutter, aperture, ISO, focal length and lens; null when the EXIF has none of them. */
  exposure: Exposure | null
}

const none: ExifFacts = {
  takenAt: null,
  takenLocal: null,
  takenOffset: null,
  camera: null,
  lat: null,
  lon: null,
  exposure: null
}

/** exif-reader parses the offset-less EXIF date as UTC: its UTC fields are the wall clock. */
const wallClockOf = (d: unknown): string | null =>
  validDate(d) === null ? null : (d as Date).toISOString().slice(0, 19)

/** "+02:00" / "-05:30" → minutes east of UTC; anything else → null. */
function offsetMinutes(v: unknown): number | null {
  const m = typeof v === 'string' ? /^\s*([+-])(\d{2}):(\d{2})\s*$/.exec(v) : null
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return minutes > 14 * 60 ? null : (m[1] === '-' ? -1 : 1) * minutes
}

const validDate = (d: unknown): number | null =>
  d instanceof Date && !Number.isNaN(d.getTime()) && d.getUTCFullYear() > 1900 ? d.getTime() : null

function coordinate(parts: unknown, ref: unknown, limit: number): number | null {
  if (!Array.isArray(parts) || parts.length < 1) return null
  const [d = 0, m = 0, s = 0] = parts.map(Number)
  let value = d + m / 60 + s / 3600
  if (!Number.isFinite(value) || value > limit) return null
  if (ref === 'S' || ref === 'W') value = -value
  return Math.round(value * 1e6) / 1e6
}

function cameraName(make: unknown, model: unknown): string | null {
  const mk = typeof make === 'string' ? make.replace(/\0/g, '').trim() : ''
  const md = typeof model === 'string' ? model.replace(/\0/g, '').trim() : ''
  if (!mk && !md) return null
  // Many cameras repeat the maker in the model name ("Canon" + "Canon EOS R5").
  const name = md.toLowerCase().startsWith(mk.toLowerCase()) ? md : `${mk} ${md}`.trim()
  return name.slice(0, 200)
}

/** A finite number within [min, max] (the first of a list: some tags repeat), else null. */
function inRange(value: unknown, min: number, max: number): number | null {
  const n = Array.isArray(value) ? value[0] : value
  return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max ? n : null
}

/** Printable text, trimmed, at most `max` characters; padding, dashes and blanks give null. */
function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null
  // EXIF strings carry NUL padding and stray control bytes.
  const text = value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return /[\p{L}\p{N}]/u.test(text) ? text.slice(0, max).trim() : null
}

/** ISO 65535 means "higher than fits here": EXIF 2.3 cameras put the real value elsewhere. */
function isoOf(photo: Record<string, unknown>): number | null {
  const first = inRange(photo.ISOSpeedRatings ?? photo.PhotographicSensitivity, 1, 10_000_000)
  const wide = inRange(photo.ISOSpeed ?? photo.RecommendedExposureIndex, 1, 10_000_000)
  const iso = first === 65535 && wide !== null ? wide : (first ?? wide)
  return iso === null ? null : Math.round(iso)
}

function lensName(make: unknown, model: unknown): string | null {
  const md = cleanText(model, 120)
  if (!md) return null
  const mk = cleanText(make, 60)
  // As with cameras, the model often repeats the maker ("Canon" + "Canon EF 24-70mm").
  return !mk || md.toLowerCase().startsWith(mk.toLowerCase()) ? md : `${mk} ${md}`.slice(0, 120)
}

/** Each fact checked on its own: one damaged tag loses only itself. */
export function readExposure(photo: Record<string, unknown>): Exposure | null {
  const focal35 = inRange(photo.FocalLengthIn35mmFilm, 1, 10_000)
  const exposure: Exposure = {
    shutter: inRange(photo.ExposureTime, 1e-6, 3600),
    aperture: inRange(photo.FNumber, 0.5, 256),
    iso: isoOf(photo),
    focal: inRange(photo.FocalLength, 0.1, 10_000),
    focal35: focal35 === null ? null : Math.round(focal35),
    lens: lensName(photo.LensMake, photo.LensModel)
  }
  return isEmptyExposure(exposure) ? null : exposure
}

/** Date taken, camera, GPS and exposure from a raw EXIF block; damaged EXIF yields nothing, never an error. */
export function readExif(block: Buffer | undefined): ExifFacts {
  if (!block || block.length < 8) return none
  try {
    const tags = exifReader(block)
    const photo = tags.Photo ?? {}
    const image = tags.Image ?? {}
    const gps = tags.GPSInfo ?? {}
    const lat = coordinate(gps.GPSLatitude, gps.GPSLatitudeRef, 90)
    const lon = coordinate(gps.GPSLongitude, gps.GPSLongitudeRef, 180)
    const original = validDate(photo.DateTimeOriginal) !== null
    return {
      takenAt: validDate(photo.DateTimeOriginal) ?? validDate(image.DateTime),
      takenLocal: original ? wallClockOf(photo.DateTimeOriginal) : wallClockOf(image.DateTime),
      takenOffset: offsetMinutes(original ? photo.OffsetTimeOriginal : photo.OffsetTime),
      camera: cameraName(image.Make, image.Model),
      lat: lat !== null && lon !== null ? lat : null,
      lon: lat !== null && lon !== null ? lon : null,
      exposure: readExposure(photo)
    }
  } catch {
    return none
  }
}
