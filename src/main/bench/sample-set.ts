import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import sharp from 'sharp'
import { AppFailure } from '@shared/contract'
import type { BenchSample } from '@shared/contract/bench'
import { unlessAbsent } from '../platform/absent'
import { sharpCacheOffInMain } from './main-memory'

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
/** Bumped whenever generated photos change, so a stale cached set is never reused. */
export const GENERATED_VERSION = 2
export const GENERATED_PHOTO = { width: 3000, height: 2000, quality: 88 } as const
/** Folder samples are capped so a whole photo archive is not benchmarked by mistake. */
export const MAX_SAMPLE_FILES = 1000

export interface ResolvedSample {
  readonly files: string[]
  readonly label: string
  /** Generated photos: their parameters; null for a folder. */
  readonly generated: {
    width: number
    height: number
    quality: number
    version: number
  } | null
}

/**
 * Sensor-like noise for every photo of a set: made once, as raw pixels. (Made per photo and
 * encoded as PNG, it was most of the 60 s "Preparing the sample" took.)
 */
function noiseField(): Promise<Buffer> {
  const { width, height } = GENERATED_PHOTO
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 18 }
    }
  })
    .raw()
    .toBuffer()
}

/**
 * A generated photo: smooth colour fields plus the shared noise, about 6 MP, so decoding and
 * resizing cost what a camera JPEG costs. Each index gives a different picture.
 */
async function generatePhoto(file: string, index: number, noise: Buffer): Promise<void> {
  const { width, height, quality } = GENERATED_PHOTO
  const raw = { width, height, channels: 3 as const }
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
  const scene = await sharp(base).resize(width, height, { kernel: 'cubic' }).raw().toBuffer()
  const temp = `${file}.tmp`
  await sharp(scene, { raw })
    .composite([{ input: noise, raw, blend: 'overlay' }])
    .jpeg({ quality })
    .withMetadata({ orientation: index % 4 === 1 ? 6 : 1 })
    .toFile(temp)
  await rename(temp, file)
}

/** The cache folder of one set of generation parameters; counts share it (a prefix). */
const setFolder = (): string => {
  const { width, height, quality } = GENERATED_PHOTO
  return `generated-v${GENERATED_VERSION}-${width}x${height}-q${quality}`
}

/** Sets made with other parameters are never read again: their space is given back. */
async function removeStaleSets(root: string, keep: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true })
  await Promise.all(
    entries
      .filter((e) => e.isDirectory() && e.name.startsWith('generated-') && e.name !== keep)
      .map((e) => rm(join(root, e.name), { recursive: true, force: true }))
  )
}

/**
 * Makes (once) or reuses a generated set of `count` photos under `root`: each photo is kept
 * by index, so a later run of the same or fewer photos generates nothing. Two at a time.
 */
export async function generatedSample(
  root: string,
  count: number,
  onProgress?: (done: number) => void
): Promise<ResolvedSample> {
  const folder = setFolder()
  const dir = join(root, folder)
  await mkdir(dir, { recursive: true })
  await removeStaleSets(root, folder)
  const files = Array.from({ length: count }, (_, i) =>
    join(dir, `photo-${String(i).padStart(4, '0')}.jpg`)
  )
  const missing = files.flatMap((f, i) => (existsSync(f) ? [] : [i]))
  let done = count - missing.length
  onProgress?.(done)
  if (missing.length) {
    // Made in main: sharp's cache stays off, so the set leaves no decoded images behind.
    const cache = sharpCacheOffInMain()
    try {
      const noise = await noiseField()
      let next = 0
      const lane = async (): Promise<void> => {
        while (next < missing.length) {
          const i = missing[next++]!
          await generatePhoto(files[i]!, i, noise)
          onProgress?.(++done)
        }
      }
      await Promise.all([lane(), lane()])
    } finally {
      cache.restore()
    }
  }
  const { width, height, quality } = GENERATED_PHOTO
  return {
    files,
    label: `${count} generated ${Math.round((width * height) / 1e6)} MP photos`,
    generated: { width, height, quality, version: GENERATED_VERSION }
  }
}

/** The images in a folder (and its subfolders), up to MAX_SAMPLE_FILES. */
export async function folderSample(path: string): Promise<ResolvedSample> {
  const info = await unlessAbsent(stat(path), ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM'])
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
  return { files, label: `${files.length} images from “${basename(path)}”`, generated: null }
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
