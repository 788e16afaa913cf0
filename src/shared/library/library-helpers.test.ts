import { describe, expect, it } from 'vitest'
import { dHash, greyNineByEight, hammingDistance, isFlatHash, popcount32 } from './dhash'
import { sniffImage } from './magic'
import { RateMeter } from './rate'
import {
  displayName,
  hasImageExtension,
  isJunkName,
  parseUrlList,
  unsupportedFormatByName
} from './sources'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p))
  )

describe('sniffImage', () => {
  it('tells formats by their bytes, not their names', () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(sniffImage(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png')
    expect(sniffImage(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp')
    expect(sniffImage(bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0], 'avifmif1'))).toBe('avif')
    expect(sniffImage(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('heic')
    expect(sniffImage(bytes('<!doctype html>'))).toBe('unknown')
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg')
  })

  it('tells JPEG 2000, JPEG XL and marked camera RAW apart from what they resemble', () => {
    expect(sniffImage(bytes([0, 0, 0, 12], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a]))).toBe('jp2')
    expect(sniffImage(bytes([0xff, 0x4f, 0xff, 0x51, 0, 0x2f]))).toBe('jp2')
    expect(sniffImage(bytes([0, 0, 0, 12], 'JXL ', [0x0d, 0x0a, 0x87, 0x0a]))).toBe('jxl')
    expect(sniffImage(bytes('II*', [0], [16, 0, 0, 0], 'CR', [2, 0]))).toBe('raw')
    expect(sniffImage(bytes([0, 0, 0, 0x18], 'ftypcrx ', [0, 0, 0, 1], 'crx isom'))).toBe('raw')
    expect(sniffImage(bytes('II*', [0], [8, 0, 0, 0]))).toBe('tiff')
  })
})

describe('dHash', () => {
  it('is stable for the same gradient and far from its mirror image', () => {
    const ramp = Array.from({ length: 72 }, (_, i) => (i % 9) * 20)
    const mirror = Array.from({ length: 72 }, (_, i) => (8 - (i % 9)) * 20)
    expect(dHash(ramp)).toBe(dHash([...ramp]))
    expect(hammingDistance(dHash(ramp), dHash(mirror))).toBe(64)
  })

  it('takes its 9×8 grey from a picture of any size: a flat one stays flat, a ramp stays a ramp', () => {
    const rgba = (w: number, h: number, at: (x: number) => number) =>
      Array.from({ length: w * h * 4 }, (_, i) => (i % 4 === 3 ? 255 : at((i >> 2) % w)))
    const flat = greyNineByEight(
      rgba(32, 24, () => 137),
      32,
      24,
      4
    )
    expect(isFlatHash(dHash(flat))).toBe(true)
    expect([...new Set(flat)]).toEqual([137])
    // Brighter to the right: every left neighbour is darker, so every bit is 0.
    const ramp = greyNineByEight(
      rgba(32, 24, (x) => x * 8),
      32,
      24,
      4
    )
    expect(dHash(ramp)).toBe('0000000000000000')
    expect(
      dHash(
        greyNineByEight(
          rgba(32, 24, (x) => 255 - x * 8),
          32,
          24,
          4
        )
      )
    ).toBe('ffffffffffffffff')
    expect(ramp.length).toBe(72)
  })

  it('counts differing bits like a bit-by-bit comparison does', () => {
    const bitwise = (a: string, b: string): number =>
      [...BigInt(`0x${a}`).toString(2).padStart(64, '0')].filter(
        (bit, i) => bit !== BigInt(`0x${b}`).toString(2).padStart(64, '0')[i]
      ).length
    let x = 7
    const hex = (): string =>
      Array.from({ length: 16 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31) >> 8) % 16)
        .map((d) => d.toString(16))
        .join('')
    for (let i = 0; i < 500; i++) {
      const a = hex()
      const b = hex()
      expect(hammingDistance(a, b)).toBe(bitwise(a, b))
    }
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64)
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2)
    expect(popcount32(0xffffffff)).toBe(32)
    expect(popcount32(0x80000000)).toBe(1)
    expect(() => hammingDistance('abc', 'abd')).toThrow(/16 hex/)
    expect(isFlatHash('0000000000000000') && isFlatHash('ffffffffffffffff')).toBe(true)
    expect(isFlatHash('0000000000000001')).toBe(false)
  })
})

describe('sources', () => {
  it('skips hidden and system junk, keeps photos', () => {
    expect(['.DS_Store', '@eaDir', 'Thumbs.db', '.hidden', '$RECYCLE.BIN'].every(isJunkName)).toBe(
      true
    )
    expect(isJunkName('Holiday 2024')).toBe(false)
    expect(hasImageExtension('IMG_0001.JPG')).toBe(true)
    expect(hasImageExtension('notes.txt')).toBe(false)
    expect(hasImageExtension('IMG_0002.HEIC')).toBe(false)
    expect(unsupportedFormatByName('IMG_0002.HEIC')).toBe('heic')
    expect(unsupportedFormatByName('DSC_0001.NEF')).toBe('raw')
    expect(unsupportedFormatByName('scan.jp2')).toBe('jp2')
    expect(unsupportedFormatByName('notes.txt')).toBeNull()
    expect(unsupportedFormatByName('IMG_0001.JPG')).toBeNull()
  })

  it('reads URL lists: lines or spaces, http(s) only, no duplicates', () => {
    const { urls, rejected } = parseUrlList(
      '# my list\nhttps://a.example/1.jpg https://a.example/2.jpg\n\nftp://x/y.jpg\nhttps://a.example/1.jpg\nnot a url'
    )
    expect(urls).toEqual(['https://a.example/1.jpg', 'https://a.example/2.jpg'])
    expect(rejected).toEqual(['ftp://x/y.jpg', 'not', 'a', 'url'])
    expect(displayName('https://a.example/photos/Caf%C3%A9.jpg?x=1')).toBe('Café.jpg')
    expect(displayName('C:\\Users\\me\\a.jpg')).toBe('a.jpg')
  })
})

describe('RateMeter', () => {
  it('measures items per second over its window and estimates the time left', () => {
    const meter = new RateMeter(10_000)
    for (let t = 0; t <= 5000; t += 500) meter.add(t)
    expect(meter.perSecond(5000)).toBeCloseTo(2.2, 1)
    expect(meter.etaSeconds(22, 5000)).toBe(10)
    expect(meter.perSecond(60_000)).toBe(0)
  })
})
