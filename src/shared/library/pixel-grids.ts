/**
 * Small grids of averages over a picture, and figures about them, for fingerprint.ts. Every grid
 * comes from one summed-area table, so a cell is the exact mean over its rectangle, fractional
 * edges included, and a picture smaller than the grid needs no special case.
 */

/** Summed-area table of one channel: (w+1)×(h+1), row 0 and column 0 zero. */
export interface Plane {
  readonly w: number
  readonly h: number
  readonly sums: Float64Array
}

export function plane(values: Float32Array, w: number, h: number): Plane {
  const stride = w + 1
  const sums = new Float64Array(stride * (h + 1))
  for (let y = 0; y < h; y++) {
    let row = 0
    for (let x = 0; x < w; x++) {
      row += values[y * w + x]!
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row
    }
  }
  return { w, h, sums }
}

/** The table at a fractional point: bilinear between its corners, exact for pixel blocks. */
function at(p: Plane, x: number, y: number): number {
  const stride = p.w + 1
  const x0 = Math.min(p.w - 1, Math.floor(x))
  const y0 = Math.min(p.h - 1, Math.floor(y))
  const fx = x - x0
  const fy = y - y0
  const s = p.sums
  const i = y0 * stride + x0
  const top = s[i]! + (s[i + 1]! - s[i]!) * fx
  const bottom = s[i + stride]! + (s[i + stride + 1]! - s[i + stride]!) * fx
  return top + (bottom - top) * fy
}

/**
 * Means over a gw×gh grid laid on the rectangle [x0, x1] × [y0, y1] of the picture (fractions
 * of its width and height).
 */
export function grid(p: Plane, gw: number, gh: number, win = [0, 1, 0, 1]): Float64Array {
  const [x0, x1, y0, y1] = [win[0]! * p.w, win[1]! * p.w, win[2]! * p.h, win[3]! * p.h]
  const xs = Float64Array.from({ length: gw + 1 }, (_, i) => x0 + ((x1 - x0) * i) / gw)
  const ys = Float64Array.from({ length: gh + 1 }, (_, i) => y0 + ((y1 - y0) * i) / gh)
  const corners = new Float64Array((gw + 1) * (gh + 1))
  for (let j = 0; j <= gh; j++)
    for (let i = 0; i <= gw; i++) corners[j * (gw + 1) + i] = at(p, xs[i]!, ys[j]!)
  const out = new Float64Array(gw * gh)
  for (let j = 0; j < gh; j++)
    for (let i = 0; i < gw; i++) {
      const c = j * (gw + 1) + i
      const area = (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!)
      out[j * gw + i] =
        (corners[c + gw + 2]! - corners[c + gw + 1]! - corners[c + 1]! + corners[c]!) / area
    }
  return out
}

/** A [1 2 1] blur across and down, edges repeated. */
export function blurred(g: Float64Array, w: number, h: number): Float64Array {
  const across = new Float64Array(w * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      across[i] = (g[i - (x > 0 ? 1 : 0)]! + 2 * g[i]! + g[i + (x < w - 1 ? 1 : 0)]!) / 4
    }
  const out = new Float64Array(w * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      out[i] =
        (across[i - (y > 0 ? w : 0)]! + 2 * across[i]! + across[i + (y < h - 1 ? w : 0)]!) / 4
    }
  return out
}

export function spread(values: ArrayLike<number>): { mean: number; sd: number } {
  let sum = 0
  let sq = 0
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!
    sq += values[i]! * values[i]!
  }
  const mean = sum / values.length
  return { mean, sd: Math.sqrt(Math.max(0, sq / values.length - mean * mean)) }
}

const HASH_GRID = 32
const cosines = ((): Float64Array => {
  const t = new Float64Array(8 * HASH_GRID)
  for (let u = 0; u < 8; u++)
    for (let x = 0; x < HASH_GRID; x++)
      t[u * HASH_GRID + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * HASH_GRID))
  return t
})()

/**
 * A pHash of the rectangle `win` of the picture: signs of the 8×8 lowest DCT-II coefficients of
 * a 32×32 grid laid on it, DC left out (bit 63 stays 0), as [high, low] 32-bit halves.
 */
export function dctHash(p: Plane, win?: number[]): [number, number] {
  const n = HASH_GRID
  const g = grid(p, n, n, win)
  // Separable: along rows first (32×8), then down columns (8×8).
  const rows = new Float64Array(n * 8)
  for (let y = 0; y < n; y++)
    for (let v = 0; v < 8; v++) {
      let s = 0
      for (let x = 0; x < n; x++) s += g[y * n + x]! * cosines[v * n + x]!
      rows[y * 8 + v] = s
    }
  let hi = 0
  let lo = 0
  for (let u = 0; u < 8; u++)
    for (let v = 0; v < 8; v++) {
      if (u === 0 && v === 0) continue
      let s = 0
      for (let y = 0; y < n; y++) s += rows[y * 8 + v]! * cosines[u * n + y]!
      const bit = u * 8 + v - 1
      if (s > 0) {
        if (bit < 32) lo |= 1 << bit
        else hi |= 1 << (bit - 32)
      }
    }
  return [hi >>> 0, lo >>> 0]
}

/** Orthonormal polynomials of degree 0–2 over n points. */
function legendre(n: number): Float64Array[] {
  const c = (n - 1) / 2
  const basis: Float64Array[] = []
  for (const d of [0, 1, 2]) {
    const v = Float64Array.from({ length: n }, (_, i) => (i - c) ** d)
    for (const b of basis) {
      let dot = 0
      for (let i = 0; i < n; i++) dot += v[i]! * b[i]!
      for (let i = 0; i < n; i++) v[i]! -= dot * b[i]!
    }
    let norm = 0
    for (let i = 0; i < n; i++) norm += v[i]! ** 2
    for (let i = 0; i < n; i++) v[i]! /= Math.sqrt(norm)
    basis.push(v)
  }
  return basis
}

const smoothBasis = new Map<number, Float64Array[]>()

/** RMS of what a quadratic surface in x and y leaves unexplained of an n×n grid. */
export function unexplained(g: Float64Array, n: number): number {
  let basis = smoothBasis.get(n)
  if (!basis) smoothBasis.set(n, (basis = legendre(n)))
  let total = 0
  for (const v of g) total += v * v
  for (let i = 0; i <= 2; i++)
    for (let j = 0; i + j <= 2; j++) {
      let dot = 0
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++) dot += g[y * n + x]! * basis[j]![y]! * basis[i]![x]!
      total -= dot * dot
    }
  return Math.sqrt(Math.max(0, total) / g.length)
}

/** Variance of the 4-neighbour Laplacian: high where edges are crisp, low when blurred. */
export function laplacianVariance(y: Float32Array, w: number, h: number): number {
  if (w < 3 || h < 3) return 0
  let sum = 0
  let sq = 0
  for (let r = 1; r < h - 1; r++)
    for (let c = 1; c < w - 1; c++) {
      const i = r * w + c
      const l = 4 * y[i]! - y[i - 1]! - y[i + 1]! - y[i - w]! - y[i + w]!
      sum += l
      sq += l * l
    }
  const n = (w - 2) * (h - 2)
  return sq / n - (sum / n) ** 2
}
