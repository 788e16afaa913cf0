/** What a file's first bytes say it is, whatever its name claims. */
export type SniffedKind =
  'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heic' | 'bmp' | 'svg' | 'unknown'

/** Bytes needed to tell every kind apart. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end))

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])
const avifBrands = new Set(['avif', 'avis'])

/** Classifies the head of a file by its magic bytes. */
export function sniffImage(head: Uint8Array): SniffedKind {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 8 && ascii(head, 1, 4) === 'PNG' && head[0] === 0x89) return 'png'
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return 'webp'
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a'))
    return 'gif'
  if (head.length >= 4) {
    const sig = ascii(head, 0, 4)
    if (sig === 'II*\0' || sig === 'MM\0*') return 'tiff'
  }
  if (head.length >= 2 && head[0] === 0x42 && head[1] === 0x4d) return 'bmp'
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    // ISO-BMFF: the major brand, then compatible brands, say AVIF or HEIC.
    const boxSize = Math.min(
      head.length,
      (head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!
    )
    const brands: string[] = [ascii(head, 8, 12)]
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4))
    if (avifBrands.has(brands[0]!)) return 'avif'
    if (heicBrands.has(brands[0]!)) return brands.some((b) => avifBrands.has(b)) ? 'avif' : 'heic'
    if (brands.some((b) => avifBrands.has(b))) return 'avif'
    if (brands.some((b) => heicBrands.has(b))) return 'heic'
    return 'unknown'
  }
  const text = ascii(head, 0, Math.min(head.length, SNIFF_BYTES)).trimStart().toLowerCase()
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'svg'
  return 'unknown'
}

/** File name extension for a downloaded file of this kind. */
export const extensionFor = (kind: SniffedKind): string =>
  kind === 'jpeg' ? 'jpg' : kind === 'tiff' ? 'tif' : kind === 'unknown' ? 'bin' : kind

/** Kinds this app turns into thumbnails (HEIC is not in the bundled image library). */
export const decodableKinds: ReadonlySet<SniffedKind> = new Set([
  'jpeg',
  'png',
  'webp',
  'gif',
  'tiff',
  'avif'
])
