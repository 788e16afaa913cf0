import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import {
  badChecksumPng,
  cameraRaw,
  jpeg2000Head,
  photoPixels,
  tiffClaimingCompression,
  validImageSet
} from '../../../../test/support/test-images'
import { processImage, type PipelineOutcome } from './image-pipeline'

const tempDir = useTempDir()

/** Writes `bytes` as `name` in a fresh folder and runs both pipeline stages on it. */
async function run(name: string, bytes: Buffer): Promise<PipelineOutcome> {
  const dir = tempDir()
  writeFileSync(join(dir, name), bytes)
  return processImage(join(dir, name), join(dir, 'out'))
}

const cut = (bytes: Buffer, fraction: number): Buffer =>
  bytes.subarray(0, Math.floor(bytes.length * fraction))

describe('image pipeline', () => {
  it('fails a PNG whose chunk checksum is wrong, saying it is damaged', async () => {
    const outcome = await run('photo.png', await badChecksumPng())
    expect(outcome).toMatchObject({
      ok: false,
      failure: { code: 'corrupt', reason: expect.stringMatching(/damaged/) }
    })
  })

  it('decodes every valid image of the test set (the stricter decoder refuses none)', async () => {
    for (const { name, bytes } of await validImageSet()) {
      const outcome = await run(name, bytes)
      expect({ name, ok: outcome.ok }).toEqual({ name, ok: true })
      if (outcome.ok) expect(outcome.facts.width * outcome.facts.height).toBe(120 * 80)
    }
  })

  it('makes a JPEG thumbnail, or a WebP one that keeps transparency', async () => {
    const pixels = sharp(await photoPixels(120, 80))
    const see = async (name: string, bytes: Buffer) => {
      const dir = tempDir()
      writeFileSync(join(dir, name), bytes)
      const outcome = await processImage(join(dir, name), join(dir, 'out'))
      if (!outcome.ok) throw new Error(outcome.failure.reason)
      const meta = await sharp(join(dir, 'out', outcome.facts.thumb)).metadata()
      return {
        file: outcome.facts.thumb.split('.').pop(),
        format: meta.format,
        alpha: meta.hasAlpha
      }
    }
    expect(await see('photo.jpg', await pixels.clone().jpeg().toBuffer())).toEqual({
      file: 'jpg',
      format: 'jpeg',
      alpha: false
    })
    const clear = await pixels.clone().ensureAlpha(0.5).png().toBuffer()
    expect(await see('logo.png', clear)).toEqual({ file: 'webp', format: 'webp', alpha: true })
  })

  it('calls an unsupported compression inside a TIFF "not supported", not damaged', async () => {
    for (const scheme of [99, 34712]) {
      const outcome = await run(`scan-${scheme}.tif`, await tiffClaimingCompression(scheme))
      expect(outcome).toMatchObject({
        ok: false,
        failure: { code: 'unsupported', reason: expect.stringMatching(/TIFF.*not supported/) }
      })
    }
  })

  it('says a cut-short PNG, WebP or TIFF is cut short, as it does for a JPEG', async () => {
    const pixels = sharp(await photoPixels(160, 120))
    const files = {
      'plain.png': await pixels.clone().png().toBuffer(),
      'interlaced.png': await pixels.clone().png({ progressive: true }).toBuffer(),
      'photo.jpg': await pixels.clone().jpeg().toBuffer(),
      'photo.webp': await pixels.clone().webp().toBuffer(),
      'photo.tif': await pixels.clone().tiff({ compression: 'lzw' }).toBuffer()
    }
    for (const [name, bytes] of Object.entries(files)) {
      for (const fraction of [0.3, 0.7, 0.95]) {
        const outcome = await run(name, cut(bytes, fraction))
        expect({ name, fraction, outcome }).toMatchObject({
          name,
          fraction,
          outcome: {
            ok: false,
            failure: { code: 'truncated', reason: expect.stringMatching(/cut short/) }
          }
        })
      }
    }
  })

  it('calls a JPEG 2000 file or a camera RAW file picked directly "not supported"', async () => {
    expect(await run('scan.jp2', jpeg2000Head())).toMatchObject({
      ok: false,
      failure: { code: 'unsupported', reason: expect.stringMatching(/JPEG 2000.*not supported/) }
    })
    for (const extension of ['cr2', 'nef', 'dng']) {
      const outcome = await run(`IMG_0001.${extension.toUpperCase()}`, await cameraRaw(extension))
      expect({ extension, outcome }).toMatchObject({
        extension,
        outcome: {
          ok: false,
          failure: { code: 'unsupported', reason: expect.stringMatching(/RAW.*not supported/) }
        }
      })
    }
  })
})
