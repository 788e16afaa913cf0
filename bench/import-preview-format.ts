/**
 * npx tsx bench/import-preview-format.ts [--files N] [--json]
 *
 * Which format the 1440-px preview is written in: encodes the same decoded previews as WebP
 * (effort 0 and 2) and JPEG (libjpeg-turbo and mozjpeg, quality 80), and reports per format the
 * encode speed (one core), the mean size, and the quality (SSIM against the decoded pixels,
 * on the luma channel at 1440 px). With --json the last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp, { type Sharp } from 'sharp'
import { PREVIEW_EDGE } from '@shared/library/thumbnails'
import { generateInputs } from './import-inputs'
import { ssim } from './import-ssim'

interface Raw {
  data: Buffer
  width: number
  height: number
}

const formats: Record<string, (s: Sharp) => Sharp> = {
  'webp-e0-q80': (s) => s.webp({ quality: 80, effort: 0 }),
  'webp-e2-q80': (s) => s.webp({ quality: 80, effort: 2 }),
  'jpeg-q80': (s) => s.jpeg({ quality: 80 }),
  'jpeg-mozjpeg-q80': (s) => s.jpeg({ quality: 80, mozjpeg: true })
}

async function luma(input: Buffer | Raw): Promise<Buffer> {
  const s = Buffer.isBuffer(input)
    ? sharp(input)
    : sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } })
  return s.greyscale().raw().toBuffer()
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const i = argv.indexOf('--files')
  const files = Number(i >= 0 ? argv[i + 1] : 12)
  const json = argv.includes('--json')
  sharp.concurrency(1)
  sharp.cache(false)
  const work = mkdtempSync(join(tmpdir(), 'skyfolio-preview-format-'))
  try {
    const inputs = (await generateInputs(work, { files, megapixels: [12, 24] })).filter((f) =>
      f.endsWith('.jpg')
    )
    const decoded: Raw[] = []
    for (const f of inputs) {
      const { data, info } = await sharp(f)
        .autoOrient()
        .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside' })
        .toColourspace('srgb')
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true })
      decoded.push({ data, width: info.width, height: info.height })
    }
    const result: Record<string, { encode_per_s: number; kb: number; ssim: number }> = {}
    for (const [name, encode] of Object.entries(formats)) {
      let ms = 0
      let bytes = 0
      let quality = 0
      for (const raw of decoded) {
        const t = performance.now()
        const out = await encode(
          sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } })
        ).toBuffer()
        ms += performance.now() - t
        bytes += out.length
        quality += ssim(await luma(raw), await luma(out), raw.width, raw.height)
      }
      const n = decoded.length
      result[name] = {
        encode_per_s: Math.round((n / ms) * 1000 * 10) / 10,
        kb: Math.round(bytes / n / 1024),
        ssim: Math.round((quality / n) * 10000) / 10000
      }
      const r = result[name]!
      const line = `${name.padEnd(18)} ${String(r.encode_per_s).padStart(6)} /s  ${String(r.kb).padStart(5)} KB  SSIM ${r.ssim}`
      if (json) console.error(line)
      else console.log(line)
    }
    if (json) console.log(JSON.stringify({ files: decoded.length, formats: result }))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
