import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import sharp, { type SharpOptions } from 'sharp'
import { rgbaToThumbHash } from 'thumbhash'
import { dHash, greyNineByEight } from '@shared/library/dhash'
import { fingerprint } from '@shared/library/fingerprint'
import { fingerprintToBase64 } from '@shared/library/fingerprint-codec'
import { isCutShort } from '@shared/library/cut-short'
import { decodableKinds, sniffImage, type SniffedKind } from '@shared/library/magic'
import {
  decodeFailure,
  failure,
  fileSystemFailure,
  unsupportedFormat,
  type Failure
} from '@shared/library/reasons'
import { unsupportedFormatByName } from '@shared/library/sources'
import {
  THUMB_EDGE,
  THUMB_VERSION,
  previewFile,
  sidecarFile,
  thumbFile
} from '@shared/library/thumbnails'
import type { ImageFacts } from '@shared/worker/image-protocol'
import { readExif } from './exif-facts'

/** Decompression bombs are refused from the header, before any pixel is decoded. */
export const MAX_MEGAPIXELS = 150
/** Bigger files are not photos anyone imports; reading them whole would hurt the worker. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

export type PipelineOutcome = { ok: true; facts: ImageFacts } | { ok: false; failure: Failure }

export const decodeOptions: SharpOptions = {
  // 'error' fails what the decoders call errors: a cut-short file, a PNG chunk whose checksum
  // is wrong, a TIFF compression this build lacks (at 'truncated' those gave garbage pixels
  // silently). It still tolerates warnings (odd EXIF, stray bytes, a GIF without its trailer):
  // image-pipeline.test.ts decodes a set of valid images of every kind at this level.
  failOn: 'error',
  limitInputPixels: MAX_MEGAPIXELS * 1_000_000
}

/** Writes next to the target then renames, so a reader never sees half a file. */
export async function writeAtomic(target: string, data: Buffer | string): Promise<void> {
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temp, data)
  await rename(temp, target)
}

async function cached(outDir: string, hash: string): Promise<ImageFacts | null> {
  try {
    const facts = JSON.parse(await readFile(join(outDir, sidecarFile(hash)), 'utf8')) as ImageFacts
    await stat(join(outDir, facts.thumb))
    // The preview is made in phase 2: reused when it is on disk, made again when it is not.
    const preview = await stat(join(outDir, previewFile(hash))).then(
      () => previewFile(hash),
      () => ''
    )
    return facts.version === THUMB_VERSION && facts.hash === hash ? { ...facts, preview } : null
  } catch {
    return null
  }
}

export const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException)?.code

/** A file read and hashed, ready to decode. */
export interface LoadedImage {
  readonly bytes: Buffer
  readonly hash: string
  readonly kind: SniffedKind
  readonly mtime: number
}

/** Why a file of this kind cannot be decoded here, or null when it can. */
function refuseKind(kind: SniffedKind, path: string): Failure | null {
  const byName = unsupportedFormatByName(basename(path))
  // NEF, ARW and DNG files are TIFF containers whose first image is a small preview: decoding
  // that would import a thumbnail as the photo, so the name decides for camera RAW.
  if (kind === 'raw' || (kind === 'tiff' && byName === 'raw')) return unsupportedFormat('raw')
  if (kind === 'unknown')
    // Formats not sniffed here (PSD, ICO…) are named by their extension; anything else is not
    // an image at all.
    return byName
      ? unsupportedFormat(byName)
      : failure('not-image', 'The contents are not an image, whatever the file name says.')
  return decodableKinds.has(kind) ? null : unsupportedFormat(kind)
}

/**
 * Stage 1, mostly I/O: read the file once, check what it really is, hash it, and reuse the
 * outputs of identical content. Returns a finished outcome or the bytes for stage 2.
 */
export async function loadImage(
  path: string,
  outDir: string
): Promise<PipelineOutcome | LoadedImage> {
  let bytes: Buffer
  let mtime: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) return { ok: false, failure: fileSystemFailure('EISDIR') }
    if (info.size === 0)
      return { ok: false, failure: failure('empty', 'The file is empty (0 bytes).') }
    if (info.size > MAX_FILE_BYTES)
      return {
        ok: false,
        failure: failure('too-large', `The file is larger than ${MAX_FILE_BYTES >> 20} MB.`)
      }
    mtime = info.mtimeMs
    bytes = await readFile(path)
  } catch (error) {
    return { ok: false, failure: fileSystemFailure(errno(error)) }
  }
  if (bytes.length === 0)
    return { ok: false, failure: failure('empty', 'The file is empty (0 bytes).') }

  const kind = sniffImage(bytes.subarray(0, 64))
  const refused = refuseKind(kind, path)
  if (refused) return { ok: false, failure: refused }

  const hash = createHash('sha256').update(bytes).digest('hex')
  const reused = await cached(outDir, hash)
  if (reused) return { ok: true, facts: { ...reused, bytes: bytes.length, mtime, reused: true } }
  return { bytes, hash, kind, mtime }
}

/** The decode and everything made from it, nothing written yet. */
async function encodeImage(loaded: LoadedImage): Promise<{ facts: ImageFacts; thumb: Buffer }> {
  const { bytes, hash, kind, mtime } = loaded
  const source = sharp(bytes, decodeOptions)
  const meta = await source.metadata()
  const exif = readExif(meta.exif)
  const { data, info } = await source
    .autoOrient()
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } }

  // One after another, not in parallel: each sharp call would take its own thread, and a
  // worker is meant to keep exactly one core busy (the pool size decides how many).
  const alpha = info.channels === 4
  const thumb = alpha
    ? await sharp(data, raw).webp({ quality: 72, effort: 2 }).toBuffer()
    : await sharp(data, raw).jpeg({ quality: 80 }).toBuffer()
  // A thumbhash keeps only the lowest frequencies: 32 px in is plenty, and 10× cheaper than 100.
  const tiny = await sharp(data, raw)
    .resize(32, 32, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })

  const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height }
  const facts: ImageFacts = {
    hash,
    bytes: bytes.length,
    mtime,
    width: oriented.width,
    height: oriented.height,
    format: kind,
    takenAt: exif.takenAt,
    takenLocal: exif.takenLocal,
    takenOffset: exif.takenOffset,
    camera: exif.camera,
    lat: exif.lat,
    lon: exif.lon,
    exposure: exif.exposure,
    thumbhash: Buffer.from(rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)).toString(
      'base64'
    ),
    phash: dHash(greyNineByEight(tiny.data, tiny.info.width, tiny.info.height, 4)),
    // Made from the thumbnail's own pixels, as it is for contents stored before (store side).
    fingerprint: fingerprintToBase64(fingerprint(data, info.width, info.height, info.channels)),
    thumb: thumbFile(hash, alpha ? 'webp' : 'jpg'),
    preview: '',
    version: THUMB_VERSION,
    reused: false
  }
  return { facts, thumb }
}

/** Runs a piece of CPU work in its turn (the worker's one-decode-at-a-time lane). */
export type CpuLane = <T>(work: () => Promise<T>) => Promise<T>
const now: CpuLane = (work) => work()

/**
 * Stage 2, CPU (phase 1 of an import): decode once at thumbnail size (shrink-on-load, EXIF
 * orientation applied, sRGB), then make the thumbnail, placeholder and perceptual hash from that
 * decoded copy. The preview is phase 2 (preview-render.ts), once the batch's grid is full.
 * Only the CPU part holds the lane: writing the files lets the next decode start.
 */
export async function renderImage(
  loaded: LoadedImage,
  outDir: string,
  lane: CpuLane = now
): Promise<PipelineOutcome> {
  const { bytes, kind } = loaded
  try {
    const { facts, thumb } = await lane(() => encodeImage(loaded))
    await mkdir(dirname(join(outDir, facts.thumb)), { recursive: true })
    await writeAtomic(join(outDir, facts.thumb), thumb)
    // The sidecar goes last: its presence means the thumbnail is complete.
    await writeAtomic(join(outDir, sidecarFile(facts.hash)), JSON.stringify(facts))
    return { ok: true, facts }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (errno(error)) return { ok: false, failure: fileSystemFailure(errno(error)) }
    const cutShort = isCutShort(kind, bytes)
    return {
      ok: false,
      failure: decodeFailure(message, { maxMegapixels: MAX_MEGAPIXELS, kind, cutShort })
    }
  }
}

export const isOutcome = (value: PipelineOutcome | LoadedImage): value is PipelineOutcome =>
  'ok' in value

/** Both stages for one file (used where nothing else shares the process, e.g. benchmarks). */
export async function processImage(path: string, outDir: string): Promise<PipelineOutcome> {
  const loaded = await loadImage(path, outDir)
  return isOutcome(loaded) ? loaded : renderImage(loaded, outDir)
}
