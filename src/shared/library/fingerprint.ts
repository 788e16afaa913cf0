import { popcount32 } from './dhash'
import {
  blurred,
  dctHash,
  grid,
  laplacianVariance,
  plane,
  spread,
  unexplained
} from './pixel-grids'

/**
 * What the near-duplicate rule (near-duplicate.ts) knows of a picture, computed from its
 * thumbnail's pixels and stored per content (about 1.8 KB).
 *
 * - `hash`: a pHash (signs of the 63 lowest DCT coefficients of a 32×32 luma grid), and
 *   `windows`: the same over WINDOWS, slightly cropped views, so a cropped copy lands near one
 *   of them. Signs of zero-mean waves do not move with brightness or contrast. The index finds
 *   candidates with these; they decide nothing on their own.
 * - `fine`: luma at 64 px on the long side, lightly blurred (so copies resampled on another pixel
 *   grid still agree), as a pattern: mean removed, divided by its spread, 4 bits a cell. A faint
 *   pattern keeps its precision; `structure` is its spread in levels, so mean + fine × structure
 *   gives the grid back in levels.
 * - `chroma`: 8×8 grids of Cb and Cr: colour, which greyscale hashes never saw.
 * - `texture`: detail finer than a 16×16 grid (noise, grain, text).
 * - `detail`: what a smooth surface (a quadratic in x and y) leaves unexplained of the 16×16
 *   grid, in levels: near 0 for skies, gradients and flat colours, whose pattern alone cannot
 *   tell one from another.
 * - `sharpness`: variance of a Laplacian over the thumbnail, for suggesting the best copy.
 */
export interface Fingerprint {
  /** Size of the pixels it was computed from: their aspect ratio is the picture's. */
  readonly width: number
  readonly height: number
  /** Mean Y, Cb, Cr (BT.601, 0–255). */
  readonly mean: readonly [number, number, number]
  readonly structure: number
  readonly texture: number
  readonly detail: number
  readonly sharpness: number
  /** 64-bit hashes as two unsigned 32-bit halves: [high, low]. */
  readonly hash: Hash
  readonly windows: readonly Hash[]
  readonly fineWidth: number
  readonly fineHeight: number
  /** fineWidth×fineHeight, row-major, in units of the pattern's spread. */
  readonly fine: Float32Array
  /** 8×8 Cb then 8×8 Cr, each minus 128. */
  readonly chroma: Int8Array
}

export type Hash = readonly [number, number]

export const FINGERPRINT_VERSION = 1
export const FINE_EDGE = 64
export const CHROMA = 8
const COARSE = 16

/**
 * Views a light crop may leave, as [x0, x1, y0, y1]: all sides trimmed a little, or one side
 * more. A copy cropped by up to 10 % hashes near one of them (or near the whole).
 */
export const WINDOWS: readonly (readonly number[])[] = [
  [0.04, 0.96, 0.04, 0.96],
  [0.08, 1, 0.04, 0.96],
  [0, 0.92, 0.04, 0.96],
  [0.04, 0.96, 0.08, 1],
  [0.04, 0.96, 0, 0.92]
]

/** The fine grid's size for a picture of w×h: FINE_EDGE on the long side, at most the picture. */
export function fineSize(w: number, h: number): [number, number] {
  const long = Math.min(FINE_EDGE, Math.max(w, h))
  return w >= h
    ? [long, Math.max(1, Math.round((long * h) / w))]
    : [Math.max(1, Math.round((long * w) / h)), long]
}

/** 4-bit cells: steps of a third of the spread around 0 (-8..7 steps, zero exact). */
const FINE_STEP = 1 / 3
export const quantise = (z: number): number =>
  Math.max(0, Math.min(15, Math.round(z / FINE_STEP) + 8))
export const unquantise = (q: number): number => (q - 8) * FINE_STEP

const clip8 = (v: number): number => Math.max(-127, Math.min(127, Math.round(v)))

/** The fingerprint of `pixels`: width×height, 1–4 channels (grey, grey+alpha, RGB, RGBA). */
export function fingerprint(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  channels: number
): Fingerprint {
  if (!(width >= 1 && height >= 1 && channels >= 1 && channels <= 4))
    throw new Error('a fingerprint needs pixels with 1 to 4 channels')
  if (pixels.length < width * height * channels) throw new Error('too few pixels for their size')
  const count = width * height
  const yy = new Float32Array(count)
  const cb = new Float32Array(count)
  const cr = new Float32Array(count)
  const colour = channels >= 3
  for (let i = 0; i < count; i++) {
    const p = i * channels
    const r = pixels[p]!
    const g = colour ? pixels[p + 1]! : r
    const b = colour ? pixels[p + 2]! : r
    yy[i] = 0.299 * r + 0.587 * g + 0.114 * b
    cb[i] = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
    cr[i] = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
  }
  const luma = plane(yy, width, height)

  const [fw, fh] = fineSize(width, height)
  const fineGrid = blurred(grid(luma, fw, fh), fw, fh)
  const fineSpread = spread(fineGrid)
  const fine = new Float32Array(fw * fh)
  if (fineSpread.sd > 1e-3)
    for (let i = 0; i < fine.length; i++)
      fine[i] = unquantise(quantise((fineGrid[i]! - fineSpread.mean) / fineSpread.sd))

  const coarse = grid(luma, COARSE, COARSE)
  // Texture: what a 64×64 grid holds beyond the 16×16 one.
  const grid64 = grid(luma, 64, 64)
  let texture = 0
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++)
      texture += (grid64[y * 64 + x]! - coarse[(y >> 2) * COARSE + (x >> 2)]!) ** 2

  const cbGrid = grid(plane(cb, width, height), CHROMA, CHROMA)
  const crGrid = grid(plane(cr, width, height), CHROMA, CHROMA)
  const chroma = new Int8Array(CHROMA * CHROMA * 2)
  for (let i = 0; i < CHROMA * CHROMA; i++) {
    chroma[i] = clip8(cbGrid[i]! - 128)
    chroma[CHROMA * CHROMA + i] = clip8(crGrid[i]! - 128)
  }
  return {
    width,
    height,
    mean: [spread(coarse).mean, spread(cbGrid).mean, spread(crGrid).mean],
    structure: fineSpread.sd,
    texture: Math.sqrt(texture / (64 * 64)),
    detail: unexplained(coarse, COARSE),
    sharpness: laplacianVariance(yy, width, height),
    hash: dctHash(luma),
    windows: WINDOWS.map((w) => dctHash(luma, [...w])),
    fineWidth: fw,
    fineHeight: fh,
    fine,
    chroma
  }
}

/** Bits that differ between two hashes. */
export const hamming = (a: Hash, b: Hash): number =>
  popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1])
