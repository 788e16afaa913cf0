/** What a file's first bytes say it is, whatever its name claims. */
export type SniffedKind =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'tiff'
  | 'avif'
  | 'heic'
  | 'bmp'
  | 'svg'
  | 'jp2'
  | 'jxl'
  | 'raw'
  | 'unknown'

/** Bytes needed to tell every kind apart. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end))

const startsWith = (head: Uint8Array, bytes: readonly number[]): boolean =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b)

const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])
const avifBrands = new Set(['avif', 'avis'])
/** The JP2 and JPEG XL containers open with a 12-byte signature box: size 12, then a type. */
const signatureBox = (type: string): number[] => [
  0,
  0,
  0,
  12,
  ...[...type].map((c) => c.charCodeAt(0)),
  0x0d,
  0x0a,
  0x87,
  0x0a
]

/** Camera RAW files that announce themselves (NEF, ARW and DNG look like plain TIFF). */
function isMarkedRaw(head: Uint8Array): boolean {
  const sig = ascii(head, 0, 4)
  if (sig === 'II*\0' && ascii(head, 8, 10) === 'CR') return true // Canon CR2
  if (sig === 'IIRO' || sig === 'IIRS' || sig === 'MMOR') return true // Olympus ORF
  if (sig === 'IIU\0') return true // Panasonic RW2
  return ascii(head, 0, 15) === 'FUJIFILMCCD-RAW' // Fujifilm RAF
}

/** ISO-BMFF: the major brand, then compatible brands, say AVIF, HEIC or Canon's CR3. */
function sniffBmff(head: Uint8Array): SniffedKind {
  const boxSize = Math.min(
    head.length,
    (head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!
  )
  const brands: string[] = [ascii(head, 8, 12)]
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4))
  if (brands[0] === 'crx ') return 'raw'
  if (avifBrands.has(brands[0]!)) return 'avif'
  if (heicBrands.has(brands[0]!)) return brands.some((b) => avifBrands.has(b)) ? 'avif' : 'heic'
  if (brands.some((b) => avifBrands.has(b))) return 'avif'
  if (brands.some((b) => heicBrands.has(b))) return 'heic'
  return 'unknown'
}

/** Classifies the head of a file by its magic bytes. */
export function sniffImage(head: Uint8Array): SniffedKind {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (head.length >= 8 && ascii(head, 1, 4) === 'PNG' && head[0] === 0x89) return 'png'
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return 'webp'
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a'))
    return 'gif'
  if (isMarkedRaw(head)) return 'raw'
  if (head.length >= 4) {
    const sig = ascii(head, 0, 4)
    if (sig === 'II*\0' || sig === 'MM\0*') return 'tiff'
  }
  if (startsWith(head, signatureBox('jP  ')) || startsWith(head, [0xff, 0x4f, 0xff, 0x51]))
    return 'jp2'
  if (startsWith(head, signatureBox('JXL ')) || startsWith(head, [0xff, 0x0a])) return 'jxl'
  if (head.length >= 2 && head[0] === 0x42 && head[1] === 0x4d) return 'bmp'
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') return sniffBmff(head)
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
