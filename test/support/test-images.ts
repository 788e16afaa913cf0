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

/** A valid PNG with one byte of its IDAT chunk's checksum changed (the pixels are intact). */
export async function badChecksumPng(): Promise<Buffer> {
  const png = Buffer.from(await photoPixels(64, 48))
  const idat = png.indexOf('IDAT')
  png[idat + 4 + png.readUInt32BE(idat - 4)]! ^= 0xff
  return png
}

/**
 * An uncompressed TIFF whose Compression tag (259) claims `scheme`: a real file with a
 * compression no reader of ours has (99: unknown; 34712: JPEG 2000 inside TIFF).
 */
export async function tiffClaimingCompression(scheme: number): Promise<Buffer> {
  const tiff = Buffer.from(
    await sharp(await photoPixels(64, 48))
      .tiff({ compression: 'none' })
      .toBuffer()
  )
  const ifd = tiff.readUInt32LE(4) // sharp writes little-endian ("II")
  for (let i = 0; i < tiff.readUInt16LE(ifd); i++) {
    const entry = ifd + 2 + i * 12
    if (tiff.readUInt16LE(entry) === 259) {
      tiff.writeUInt16LE(scheme, entry + 8)
      return tiff
    }
  }
  throw new Error('sharp wrote a TIFF without a Compression tag')
}

/** The start of a JPEG 2000 file (JP2 signature and ftyp boxes), enough to be recognised. */
export function jpeg2000Head(): Buffer {
  const signature = Buffer.from([0, 0, 0, 12, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])
  const ftyp = Buffer.alloc(20)
  ftyp.writeUInt32BE(20, 0)
  ftyp.write('ftypjp2 ', 4, 'ascii')
  ftyp.write('jp2 ', 16, 'ascii')
  return Buffer.concat([signature, ftyp, Buffer.alloc(200, 3)])
}

export const svgDrawing = (): Buffer =>
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>'
  )

/**
 * A stand-in for a camera RAW file. NEF, ARW and DNG are TIFF containers whose first image is
 * often a small preview, so a real TIFF is what such files look like to a TIFF reader; CR2
 * adds its own mark after the TIFF header.
 */
export async function cameraRaw(extension: string): Promise<Buffer> {
  const tiff = Buffer.from(
    await sharp(await photoPixels(64, 48))
      .tiff({ compression: 'none' })
      .toBuffer()
  )
  if (extension !== 'cr2') return tiff
  const ifd = tiff.readUInt32LE(4)
  // CR2: "CR", version 2.0 and the RAW IFD's offset follow the 8-byte TIFF header.
  const mark = Buffer.from([0x43, 0x52, 2, 0, 0, 0, 0, 0])
  const shifted = Buffer.concat([tiff.subarray(0, 8), mark, tiff.subarray(8)])
  shifted.writeUInt32LE(ifd + mark.length, 4)
  return shifted // offsets inside the IFD now point 8 bytes short; a RAW reader would not care
}

/**
 * Valid images of every kind Skyfolio decodes, each written the way common tools write them.
 * None of these may fail to import, whatever strictness the decoder is given.
 */
export async function validImageSet(): Promise<{ name: string; bytes: Buffer }[]> {
  const rgb = sharp(await photoPixels(120, 80, 4))
  const alpha = rgb.clone().ensureAlpha(0.5)
  const gif = await rgb.clone().gif().toBuffer()
  const jpeg = await rgb.clone().jpeg().toBuffer()
  const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]))
  const exif: Exif = { IFD0: { Make: 'Skyfolio', Model: 'Test Camera' } }
  return [
    { name: 'baseline.jpg', bytes: jpeg },
    { name: 'progressive.jpg', bytes: await rgb.clone().jpeg({ progressive: true }).toBuffer() },
    {
      name: 'rotated.jpg',
      bytes: await rgb.clone().jpeg().withExif(exif).withMetadata({ orientation: 6 }).toBuffer()
    },
    { name: 'cmyk.jpg', bytes: await rgb.clone().toColourspace('cmyk').jpeg().toBuffer() },
    { name: 'grey.jpg', bytes: await rgb.clone().greyscale().jpeg().toBuffer() },
    // Some cameras and editors append data after the end-of-image marker.
    { name: 'trailing-data.jpg', bytes: Buffer.concat([jpeg, Buffer.alloc(256, 0x55)]) },
    // Stray bytes before a marker: libjpeg warns ("extraneous bytes"), every viewer shows it.
    {
      name: 'stray-bytes.jpg',
      bytes: Buffer.concat([jpeg.subarray(0, scan), Buffer.from([1, 2, 3]), jpeg.subarray(scan)])
    },
    { name: 'eight-bit.png', bytes: await rgb.clone().png().toBuffer() },
    { name: 'sixteen-bit.png', bytes: await rgb.clone().toColourspace('rgb16').png().toBuffer() },
    { name: 'palette.png', bytes: await rgb.clone().png({ palette: true }).toBuffer() },
    { name: 'alpha.png', bytes: await alpha.clone().png().toBuffer() },
    { name: 'interlaced.png', bytes: await rgb.clone().png({ progressive: true }).toBuffer() },
    { name: 'lossy.webp', bytes: await rgb.clone().webp().toBuffer() },
    { name: 'lossless.webp', bytes: await alpha.clone().webp({ lossless: true }).toBuffer() },
    { name: 'photo.avif', bytes: await rgb.clone().avif().toBuffer() },
    { name: 'still.gif', bytes: gif },
    // Many GIFs in the wild lack the final trailer byte; every viewer shows them.
    { name: 'no-trailer.gif', bytes: gif.subarray(0, gif.length - 1) },
    { name: 'lzw.tif', bytes: await rgb.clone().tiff({ compression: 'lzw' }).toBuffer() },
    { name: 'jpeg-in.tif', bytes: await rgb.clone().tiff({ compression: 'jpeg' }).toBuffer() },
    { name: 'deflate.tiff', bytes: await rgb.clone().tiff({ compression: 'deflate' }).toBuffer() }
  ]
}

/** A camera's exposure tags as EXIF writes them (IFD2): 1/250 s, f/2.8, ISO 200, 35 mm, a lens. */
export const canonExposureTags = {
  ExposureTime: '1/250',
  FNumber: '28/10',
  ISOSpeedRatings: '200',
  FocalLength: '35/1',
  FocalLengthIn35mmFilm: '35',
  LensMake: 'Canon',
  LensModel: 'EF 24-70mm f/2.8L II USM'
}
/** The camera that took it (IFD0). */
export const canonCameraTags = { Make: 'Canon', Model: 'Canon EOS R5' }
