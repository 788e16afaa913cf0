import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import sharp from 'sharp'
import { AppFailure } from '@shared/contract'
import type { BenchSample } from '@shared/contract/bench'

const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.avif',
  '.gif',
  '.tif',
  '.tiff'
])
const GENERATED_VERSION = 1
/** Folder samples are capped so a whole photo archive is not benchmarked by mistake. */
export const MAX_SAMPLE_FILES = 1000

export interface ResolvedSample {
  readonly files: string[]
  readonly label: string
}

/**
 * A generated photo: smooth colour fields plus sensor-like noise, about 6 MP, so decoding
 * and resizing cost what a camera JPEG costs. Each index gives a different picture.
 */
async function generatePhoto(file: string, index: number): Promise<void> {
  const width = 3000
  const height = 2000
  const hue = (index * 47) % 255
  const base = await sharp({
    create: {
      width: 60,
      height: 40,
      channels: 3,
      background: { r: hue, g: (hue * 3) % 255, b: 200 - (hue % 120) }
    }
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="60" height="40"><circle cx="${10 + (index % 40)}" cy="20" r="14" fill="#f4d35e"/><rect x="0" y="28" width="60" height="12" fill="#2d6a4f"/></svg>`
        )
      }
    ])
    .png()
    .toBuffer()
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 18 }
    }
  })
    .png()
    .toBuffer()
  const temp = `${file}.tmp`
  await sharp(base)
    .resize(width, height, { kernel: 'cubic' })
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .withMetadata({ orientation: index % 4 === 1 ? 6 : 1 })
    .toFile(temp)
  await rename(temp, file)
}

/** Makes (once) or reuses a generated set of `count` photos under `root`. */
export async function generatedSample(
  root: string,
  count: number,
  onProgress?: (done: number) => void
): Promise<ResolvedSample> {
  const dir = join(root, `generated-v${GENERATED_VERSION}`)
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const file = join(dir, `photo-${String(i).padStart(4, '0')}.jpg`)
    if (!existsSync(file)) await generatePhoto(file, i)
    files.push(file)
    onProgress?.(i + 1)
  }
  return { files, label: `${count} generated 6 MP photos` }
}

/** The images in a folder (and its subfolders), up to MAX_SAMPLE_FILES. */
export async function folderSample(path: string): Promise<ResolvedSample> {
  const info = await stat(path).catch(() => null)
  if (!info?.isDirectory())
    throw new AppFailure('not_found', 'That folder does not exist or cannot be read.')
  const files: string[] = []
  const entries = await readdir(path, { recursive: true, withFileTypes: true })
  for (const e of entries) {
    if (files.length >= MAX_SAMPLE_FILES) break
    if (!e.isFile() || e.name.startsWith('.')) continue
    if (IMAGE_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(join(e.parentPath, e.name))
  }
  if (files.length === 0) {
    throw new AppFailure(
      'not_found',
      `No images (JPEG, PNG, WebP, AVIF, GIF, TIFF) were found in “${basename(path)}”.`
    )
  }
  files.sort()
  return { files, label: `${files.length} images from “${basename(path)}”` }
}

export function resolveSample(
  sample: BenchSample,
  generatedRoot: string,
  onProgress?: (done: number) => void
): Promise<ResolvedSample> {
  return sample.kind === 'generated'
    ? generatedSample(generatedRoot, sample.count, onProgress)
    : folderSample(sample.path)
}
