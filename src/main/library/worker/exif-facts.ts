import exifReader from 'exif-reader'

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
}

const none: ExifFacts = {
  takenAt: null,
  takenLocal: null,
  takenOffset: null,
  camera: null,
  lat: null,
  lon: null
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

/** Date taken, camera and GPS from a raw EXIF block; damaged EXIF yields nothing, never an error. */
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
      lon: lat !== null && lon !== null ? lon : null
    }
  } catch {
    return none
  }
}
