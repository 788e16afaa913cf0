import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp, { type Exif } from 'sharp'
import { describe, expect, it } from 'vitest'
import { exposureLine } from '@shared/library/exposure'
import { imageFactsSchema } from '@shared/worker/image-protocol'
import { canonCameraTags, canonExposureTags } from '../../../../test/support/test-images'
import { useTempDir } from '../../../../test/support/temp-dir'
import { readExif } from './exif-facts'
import { processImage } from './image-pipeline'

const tempDir = useTempDir()

/** A real JPEG whose EXIF block libvips wrote from these tags (values as libvips takes them). */
async function exifBlock(photo: Record<string, string>): Promise<Buffer | undefined> {
  const exif: Exif = { IFD0: canonCameraTags, IFD2: photo }
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#777' } })
    .jpeg()
    .withExif(exif)
    .toBuffer()
  return (await sharp(jpeg).metadata()).exif
}

describe('exposure facts from EXIF', () => {
  it('reads shutter, aperture, ISO, focal length and lens, and the worker sends them', async () => {
    const dir = tempDir()
    const file = join(dir, 'canon.jpg')
    const pixels = await sharp({
      create: { width: 320, height: 240, channels: 3, background: '#4a7' }
    })
      .jpeg()
      .withExif({ IFD0: canonCameraTags, IFD2: canonExposureTags })
      .toBuffer()
    writeFileSync(file, pixels)

    const outcome = await processImage(file, join(dir, 'out'))
    if (!outcome.ok) throw new Error(outcome.failure.reason)
    expect(outcome.facts.exposure).toEqual({
      shutter: 0.004,
      aperture: 2.8,
      iso: 200,
      focal: 35,
      focal35: 35,
      lens: 'Canon EF 24-70mm f/2.8L II USM'
    })
    // What the parent accepts from the worker.
    expect(imageFactsSchema.parse(outcome.facts).exposure).toEqual(outcome.facts.exposure)
    expect(exposureLine(outcome.facts.exposure)).toBe(
      '1/250 s · f/2.8 · ISO 200 · 35 mm · Canon EF 24-70mm f/2.8L II USM'
    )
  })

  it('keeps a phone’s small focal length with its full-frame equivalent', async () => {
    const facts = readExif(
      await exifBlock({
        ExposureTime: '1/3',
        FNumber: '15/10',
        ISOSpeedRatings: '1600',
        FocalLength: '57/10',
        FocalLengthIn35mmFilm: '26',
        LensMake: 'Apple',
        LensModel: '  iPhone 13 Pro back camera 5.7mm f/1.5  '
      })
    )
    expect(exposureLine(facts.exposure)).toBe(
      '1/3 s · f/1.5 · ISO 1600 · 5.7 mm (26 mm equiv.) · Apple iPhone 13 Pro back camera 5.7mm f/1.5'
    )
  })

  it('drops each damaged tag on its own and keeps the rest', async () => {
    const facts = readExif(
      await exifBlock({
        ExposureTime: '0/0', // NaN
        FNumber: '5000/1', // no lens is f/5000
        ISOSpeedRatings: '400',
        FocalLength: '-5/1', // unsigned in EXIF: read back as 4294967291 mm
        FocalLengthIn35mmFilm: '0', // 0 means unknown
        LensModel: '\u0001----\u0002'
      })
    )
    expect(facts.camera).toBe('Canon EOS R5')
    expect(facts.exposure).toEqual({
      shutter: null,
      aperture: null,
      iso: 400,
      focal: null,
      focal35: null,
      lens: null
    })
  })

  it('gives no exposure when every tag is garbage, and caps a runaway lens name', async () => {
    const garbage = readExif(
      await exifBlock({ ExposureTime: '5000/1', FNumber: '0/1', ISOSpeedRatings: '0' })
    )
    expect(garbage.exposure).toBeNull()
    expect(garbage.camera).toBe('Canon EOS R5')

    const long = readExif(await exifBlock({ LensModel: `Zoom ${'x'.repeat(500)}\u0000\u0000` }))
    expect(long.exposure?.lens).toHaveLength(120)
    expect(long.exposure?.lens?.startsWith('Zoom xxx')).toBe(true)
  })

  it('gives no exposure for a photo without those tags, and for a damaged EXIF block', async () => {
    expect(
      readExif(await exifBlock({ DateTimeOriginal: '2024:05:01 10:00:00' })).exposure
    ).toBeNull()
    expect(readExif(Buffer.from('Exif\0\0MM\0*garbage-garbage')).exposure).toBeNull()
  })
})
