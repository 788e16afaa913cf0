import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

/**
 * Benchmark input, made on the fly: a few distinct base images (JPEGs of 12–24 MP with
 * assorted EXIF orientations, plus PNG, WebP and AVIF), each written many times with a unique
 * trailer so every file has its own content hash (no duplicate shortcut) yet the same decode
 * cost. Decoders ignore bytes after the image's end (for AVIF the trailer is a `free` box).
 */
export interface InputOptions {
  files: number
  /** Megapixels of the JPEG bases, low and high. */
  megapixels: [number, number]
}

const orientations = [1, 6, 3, 8, 1, 6]

async function texture(seed: number): Promise<Buffer> {
  // Smooth photo-like content: low-resolution noise scaled up, with a colour cast per seed.
  return sharp({
    create: {
      width: 320,
      height: 240,
      channels: 3,
      background: { r: 0, g: 0, b: 0 },
      noise: { type: 'gaussian', mean: 110 + (seed % 5) * 20, sigma: 55 }
    }
  })
    .png()
    .toBuffer()
}

function sizeFor(mp: number): { width: number; height: number } {
  const height = Math.round(Math.sqrt((mp * 1e6) / 1.5))
  return { width: Math.round(height * 1.5), height }
}

export async function generateInputs(dir: string, options: InputOptions): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  const [lo, hi] = options.megapixels
  const jpegBases: Buffer[] = []
  for (let i = 0; i < 6; i++) {
    const mp = lo + ((hi - lo) * i) / 5
    const { width, height } = sizeFor(mp)
    jpegBases.push(
      await sharp(await texture(i))
        .resize(width, height, { kernel: 'cubic' })
        .jpeg({ quality: 88 })
        .withMetadata({ orientation: orientations[i]! })
        .toBuffer()
    )
  }
  const other = sizeFor(Math.min(6, hi))
  const otherBase = sharp(await texture(9)).resize(other.width, other.height, { kernel: 'cubic' })
  const bases = {
    png: await otherBase.clone().png().toBuffer(),
    webp: await otherBase.clone().webp({ quality: 85 }).toBuffer(),
    avif: await otherBase.clone().avif({ quality: 60, effort: 0 }).toBuffer()
  }
  // About 85 % JPEG, the rest split between PNG, WebP and AVIF.
  const files: string[] = []
  for (let i = 0; i < options.files; i++) {
    const slot = i % 20
    const kind = slot === 17 ? 'png' : slot === 18 ? 'webp' : slot === 19 ? 'avif' : 'jpg'
    const base = kind === 'jpg' ? jpegBases[i % jpegBases.length]! : bases[kind]
    const tag = Buffer.from(`SKYFOLIO-BENCH-${String(i).padStart(8, '0')}`)
    let trailer = tag
    if (kind === 'avif') {
      const box = Buffer.alloc(8)
      box.writeUInt32BE(8 + tag.length)
      box.write('free', 4, 'ascii')
      trailer = Buffer.concat([box, tag])
    }
    const sub = join(dir, `folder-${Math.floor(i / 250)}`)
    mkdirSync(sub, { recursive: true })
    const file = join(sub, `img-${String(i).padStart(5, '0')}.${kind}`)
    writeFileSync(file, Buffer.concat([base, trailer]))
    files.push(file)
  }
  return files
}
