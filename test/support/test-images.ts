import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import sharp, { type Exif } from 'sharp'

/**
 * Test pictures made on the fly (nothing large is committed). A gradient with a corner mark,
 * so orientation mistakes and near-duplicates are visible to hashes and eyes alike.
 */
export async function photoPixels(width: number, height: number, seed = 0): Promise<Buffer> {
  const channels = 3
  const data = Buffer.alloc(width * height * channels)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels
      const mark = x < width / 4 && y < height / 4
      data[i] = mark ? 240 : Math.round((x / width) * 200 + seed * 37) % 256
      data[i + 1] = mark ? 30 : Math.round((y / height) * 200 + seed * 11) % 256
      data[i + 2] = mark ? 30 : (seed * 53 + 90) % 256
    }
  }
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer()
}

/**
 * A photo-like scene: a tilted gradient with soft coloured ellipses, all placed by `seed`.
 * Different seeds give clearly different pictures (gradients from photoPixels differ mostly in
 * colour, and their dHashes, which only see brightness steps, often coincide).
 */
export async function scenePixels(width: number, height: number, seed = 0): Promise<Buffer> {
  let x = seed * 7919 + 17
  const rnd = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648
  const byte = (): number => Math.floor(rnd() * 256)
  const shapes = Array.from(
    { length: 8 },
    () =>
      `<ellipse cx="${rnd() * width}" cy="${rnd() * height}" rx="${(0.05 + rnd() * 0.25) * width}"` +
      ` ry="${(0.07 + rnd() * 0.27) * height}" fill="rgb(${byte()},${byte()},${byte()})"/>`
  ).join('')
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="${rnd()}" y2="1">` +
    `<stop offset="0" stop-color="rgb(${byte()},120,200)"/>` +
    `<stop offset="1" stop-color="rgb(30,${byte()},60)"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes}</svg>`
  return sharp(Buffer.from(svg)).blur(3).png().toBuffer()
}

export async function writeJpeg(
  file: string,
  options: {
    width?: number
    height?: number
    seed?: number
    orientation?: number
    date?: string
  } = {}
): Promise<Buffer> {
  const { width = 320, height = 240, seed = 0, orientation, date } = options
  let img = sharp(await photoPixels(width, height, seed)).jpeg({ quality: 90 })
  if (orientation || date) {
    const exif: Exif = {
      IFD0: { Make: 'Skyfolio', Model: 'Test Camera', ...(date ? { DateTime: date } : {}) },
      ...(date ? { IFD2: { DateTimeOriginal: date } } : {})
    }
    img = img.withExif(exif)
    if (orientation) img = img.withMetadata({ orientation })
  }
  const bytes = await img.toBuffer()
  writeFileSync(file, bytes)
  return bytes
}

/**
 * The same photo as `upright` but stored rotated with an EXIF orientation that undoes it:
 * a viewer that honours EXIF shows both the same way.
 */
export async function writeRotatedCopy(upright: Buffer, file: string): Promise<void> {
  // Orientation 6 means "rotate 90° clockwise to display": store it turned 90° anticlockwise.
  const stored = await sharp(upright)
    .rotate(-90)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer()
  writeFileSync(file, stored)
}

/** A PNG whose header claims `side`×`side` pixels: a decompression bomb in a few bytes. */
export function pixelBombPng(side: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const idat = deflateSync(Buffer.alloc(side + 1)) // one row; the rest would inflate from nothing
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** The start of an HEIC file (ftyp box, brand heic): enough to be recognised as one. */
export function heicHead(): Buffer {
  const ftyp = Buffer.alloc(24)
  ftyp.writeUInt32BE(24, 0)
  ftyp.write('ftypheic', 4, 'ascii')
  ftyp.write('mif1heic', 16, 'ascii')
  return Buffer.concat([ftyp, Buffer.alloc(200, 7)])
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
