import { CHROMA, type Fingerprint } from './fingerprint'
import { CROP_ENDS, plausibleSpan, squashed, type Grid, type Window } from './picture-align'

/**
 * Colour checks of the near-duplicate rule, on the fingerprints' 8×8 Cb and Cr grids (and the
 * luma pooled to 8×8), lined up by a window (picture-align.ts).
 */

/** R, G, B from Y, Cb − 128, Cr − 128 (BT.601). */
export const rgb = (y: number, cb: number, cr: number): [number, number, number] => [
  y + 1.402 * cr,
  y - 0.344136 * cb - 0.714136 * cr,
  y + 1.772 * cb
]

export const fineGrid = (f: Fingerprint): Grid => ({ w: f.fineWidth, h: f.fineHeight, v: f.fine })

const N = CHROMA
const chromaGrid = (f: Fingerprint, which: 0 | 1): Grid => ({
  w: N,
  h: N,
  v: f.chroma.subarray(which * N * N, (which + 1) * N * N)
})

/** A's n×n grid sampled at the centres of B's n×n cells under `win` (NaN outside A). */
export function resample(a: Grid, win: Window, n: number): Float64Array {
  const out = new Float64Array(n * n)
  const value = (y: number, x: number): number => a.v[y * a.w + x]!
  for (let i = 0; i < n; i++) {
    const gy = (win.y0 + ((i + 0.5) / n) * (win.y1 - win.y0)) * a.h - 0.5
    for (let j = 0; j < n; j++) {
      const gx = (win.x0 + ((j + 0.5) / n) * (win.x1 - win.x0)) * a.w - 0.5
      if (gx < -0.5 || gx > a.w - 0.5 || gy < -0.5 || gy > a.h - 0.5) {
        out[i * n + j] = NaN
        continue
      }
      const cx = Math.max(0, Math.min(a.w - 1, gx))
      const cy = Math.max(0, Math.min(a.h - 1, gy))
      const x0 = Math.max(0, Math.min(a.w - 2, Math.floor(cx)))
      const y0 = Math.max(0, Math.min(a.h - 2, Math.floor(cy)))
      const [x1, y1] = [Math.min(a.w - 1, x0 + 1), Math.min(a.h - 1, y0 + 1)]
      const [fx, fy] = [cx - x0, cy - y0]
      out[i * n + j] =
        (value(y0, x0) * (1 - fx) + value(y0, x1) * fx) * (1 - fy) +
        (value(y1, x0) * (1 - fx) + value(y1, x1) * fx) * fy
    }
  }
  return out
}

/** Colour pattern difference (RMS levels of Cb and Cr) allowed, over what is there. */
const CHROMA_PATTERN = (spread: number): number => 3 + 0.3 * spread

/**
 * The colour grids, lined up like the luma, differ by no more than a contrast nudge explains
 * (contrast scales colour around grey: a gain between 0.8 and 1.25).
 */
export function chromaAgrees(a: Fingerprint, b: Fingerprint, win: Window): boolean {
  for (const which of [0, 1] as const) {
    const sampled = resample(chromaGrid(a, which), win, N)
    const own = chromaGrid(b, which).v
    let [ab, aa, spread, count] = [0, 0, 0, 0]
    for (let i = 0; i < N * N; i++) {
      const x = sampled[i]!
      if (Number.isNaN(x)) continue
      ab += x * own[i]!
      aa += x * x
      spread += own[i]! * own[i]!
      count++
    }
    if (count === 0) return false
    const gain = aa > 0 ? Math.max(0.8, Math.min(1.25, ab / aa)) : 1
    let diff = 0
    for (let i = 0; i < N * N; i++)
      if (!Number.isNaN(sampled[i]!)) diff += (own[i]! - gain * sampled[i]!) ** 2
    if (Math.sqrt(diff / count) > CHROMA_PATTERN(Math.sqrt(spread / count))) return false
  }
  return true
}

/** Y (levels), Cb and Cr on 8×8 grids. */
interface Colours {
  readonly y: Grid
  readonly cb: Grid
  readonly cr: Grid
}

function colours(f: Fingerprint): Colours {
  const z = squashed(fineGrid(f), N).v
  const y = Float64Array.from({ length: N * N }, (_, i) => f.mean[0] + z[i]! * f.structure)
  return { y: { w: N, h: N, v: y }, cb: chromaGrid(f, 0), cr: chromaGrid(f, 1) }
}

/** The largest difference in R, G or B over B's cells inside A under `win`; Infinity if few. */
function worstColour(a: Colours, b: Colours, win: Window): number {
  const [ya, cba, cra] = [a.y, a.cb, a.cr].map((g) => resample(g, win, N))
  let worst = 0
  let cells = 0
  for (let i = 0; i < N * N; i++) {
    if (Number.isNaN(ya![i]!)) continue
    cells++
    const ca = rgb(ya![i]!, cba![i]!, cra![i]!)
    const cb = rgb(b.y.v[i]!, b.cb.v[i]!, b.cr.v[i]!)
    for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(ca[k]! - cb[k]!))
  }
  return cells >= N * N * 0.6 ? worst : Infinity
}

/**
 * Colour cell by cell (8×8), in R, G and B, differs nowhere by more than `limit`, under the
 * crop that lines the colours up best: for smooth pictures, where a ramp correlates with itself
 * under any crop and the luma alignment says little.
 */
export function sameColours(a: Fingerprint, b: Fingerprint, start: Window, limit: number): boolean {
  const ca = colours(a)
  const cb = colours(b)
  let best = { win: start, worst: worstColour(ca, cb, start) }
  // Far off at the start: no crop brings it within the limit.
  if (best.worst <= limit || best.worst > 4 * limit) return best.worst <= limit
  for (let round = 0; round < 2; round++)
    for (const along of ['x', 'y'] as const)
      for (const s of CROP_ENDS)
        for (const e of CROP_ENDS) {
          if (!plausibleSpan(s, 1 + e)) continue
          const win =
            along === 'x' ? { ...best.win, x0: s, x1: 1 + e } : { ...best.win, y0: s, y1: 1 + e }
          const worst = worstColour(ca, cb, win)
          if (worst < best.worst) best = { win, worst }
        }
  return best.worst <= limit
}
