import type { SniffedKind } from './magic'

const ascii = (b: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...b.subarray(start, end))

/** PNG: chunks run past the end of the file, or the file ends before its IEND chunk. */
function pngCutShort(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let at = 8
  while (at + 8 <= b.length) {
    const end = at + 12 + view.getUint32(at)
    if (ascii(b, at + 4, at + 8) === 'IEND') return end > b.length
    if (end > b.length) return true
    at = end
  }
  return true
}

/** WebP: the RIFF header says how long the file is. */
function webpCutShort(b: Uint8Array): boolean {
  if (b.length < 12) return true
  return 8 + new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(4, true) > b.length
}

const STRIP_OFFSETS = 273
const STRIP_BYTES = 279
const TILE_OFFSETS = 324
const TILE_BYTES = 325

/** TIFF: the first directory, or the image data it points to, lies past the end of the file. */
function tiffCutShort(b: Uint8Array): boolean {
  if (b.length < 8) return true
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const le = b[0] === 0x49
  const u16 = (at: number): number => view.getUint16(at, le)
  const u32 = (at: number): number => view.getUint32(at, le)
  const ifd = u32(4)
  if (ifd + 2 > b.length) return true
  const entries = u16(ifd)
  if (ifd + 2 + entries * 12 > b.length) return true
  // Where each of the four arrays lies; read in place (a crafted count must not allocate).
  const arrays = new Map<number, { start: number; size: number; count: number }>()
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12
    const tag = u16(entry)
    if (![STRIP_OFFSETS, STRIP_BYTES, TILE_OFFSETS, TILE_BYTES].includes(tag)) continue
    const size = u16(entry + 2) === 3 ? 2 : 4 // SHORT or LONG, the only types allowed here
    const count = u32(entry + 4)
    const start = count * size <= 4 ? entry + 8 : u32(entry + 8)
    if (start + count * size > b.length) return true
    arrays.set(tag, { start, size, count })
  }
  const at = (array: { start: number; size: number }, k: number): number =>
    array.size === 2 ? u16(array.start + k * 2) : u32(array.start + k * 4)
  for (const [offsetsTag, bytesTag] of [
    [STRIP_OFFSETS, STRIP_BYTES],
    [TILE_OFFSETS, TILE_BYTES]
  ] as const) {
    const offsets = arrays.get(offsetsTag)
    const counts = arrays.get(bytesTag)
    if (!offsets || !counts) continue
    for (let k = 0; k < Math.min(offsets.count, counts.count); k++)
      if (at(offsets, k) + at(counts, k) > b.length) return true
  }
  return false
}

/**
 * True when a file's own structure says bytes are missing from its end. Only used to word a
 * decode failure truthfully: the image library reports a cut-short PNG or TIFF as a generic
 * read error, where it says so plainly for JPEG, GIF and AVIF.
 */
export function isCutShort(kind: SniffedKind, bytes: Uint8Array): boolean {
  try {
    if (kind === 'png') return pngCutShort(bytes)
    if (kind === 'webp') return webpCutShort(bytes)
    if (kind === 'tiff') return tiffCutShort(bytes)
  } catch (error) {
    // A RangeError means a read ran past the end: the structure is cut short.
    if (error instanceof RangeError) return true
    throw error
  }
  return false
}
