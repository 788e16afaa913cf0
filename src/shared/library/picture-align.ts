/**
 * Lining up two luma patterns of what may be the same picture, one cropped a little: which
 * window of A does B show? A window is [x0, x1] × [y0, y1] in A's width and height (0–1), and may
 * reach past A's edges when B shows more than A does.
 */
export interface Grid {
  readonly w: number
  readonly h: number
  readonly v: ArrayLike<number>
}

export interface Window {
  readonly x0: number
  readonly x1: number
  readonly y0: number
  readonly y1: number
}

export const WHOLE: Window = { x0: 0, x1: 1, y0: 0, y1: 1 }

/** At most this much of either side may be cut from one picture and not the other. */
export const MAX_CROP = 0.12
/** B must see at least this share of its cells inside A for a window to count. */
const MIN_OVERLAP = 0.7

interface Axis {
  readonly index: Int32Array
  readonly frac: Float64Array
  readonly inside: Uint8Array
  readonly count: number
}

/** Where each of `n` cells of B falls on A's axis of `size` cells, for the window [s0, s1]. */
function axis(n: number, size: number, s0: number, s1: number): Axis {
  const index = new Int32Array(n)
  const frac = new Float64Array(n)
  const inside = new Uint8Array(n)
  let count = 0
  for (let i = 0; i < n; i++) {
    const g = (s0 + ((i + 0.5) / n) * (s1 - s0)) * size - 0.5
    if (g < -0.5 || g > size - 0.5) continue
    const c = Math.max(0, Math.min(size - 1, g))
    const at = Math.min(size - 2, Math.floor(c))
    index[i] = Math.max(0, at)
    frac[i] = size === 1 ? 0 : c - index[i]!
    inside[i] = 1
    count++
  }
  return { index, frac, inside, count }
}

/** Sums over the cells of B inside A: x is A sampled there, y is B. */
export interface Sums {
  readonly n: number
  readonly sx: number
  readonly sy: number
  readonly sxx: number
  readonly syy: number
  readonly sxy: number
}

/** Pearson correlation of the sums; -1 when there are none. */
export function pearson(s: Sums | null): number {
  if (!s) return -1
  const vx = s.sxx - (s.sx * s.sx) / s.n
  const vy = s.syy - (s.sy * s.sy) / s.n
  return vx > 1e-9 && vy > 1e-9 ? (s.sxy - (s.sx * s.sy) / s.n) / Math.sqrt(vx * vy) : 0
}

/** Pearson correlation between B's cells and A sampled where the window puts them. */
export const correlation = (a: Grid, b: Grid, win: Window): number => pearson(overlap(a, b, win))

/**
 * Sums of B's cells against A sampled (bilinearly) where the window puts them, over the cells of
 * B that fall inside A; null when too few do.
 */
export function overlap(a: Grid, b: Grid, win: Window): Sums | null {
  const xs = axis(b.w, a.w, win.x0, win.x1)
  const ys = axis(b.h, a.h, win.y0, win.y1)
  if (xs.count * ys.count < MIN_OVERLAP * b.w * b.h) return null
  const av = a.v
  const bv = b.v
  const aw = a.w
  const step = a.w > 1 ? 1 : 0
  const down = a.h > 1 ? aw : 0
  let n = 0
  let sa = 0
  let sb = 0
  let saa = 0
  let sbb = 0
  let sab = 0
  for (let i = 0; i < b.h; i++) {
    if (!ys.inside[i]) continue
    const top = ys.index[i]! * aw
    const fy = ys.frac[i]!
    for (let j = 0; j < b.w; j++) {
      if (!xs.inside[j]) continue
      const p = top + xs.index[j]!
      const fx = xs.frac[j]!
      const upper = av[p]! + (av[p + step]! - av[p]!) * fx
      const lower = av[p + down]! + (av[p + down + step]! - av[p + down]!) * fx
      const x = upper + (lower - upper) * fy
      const y = bv[i * b.w + j]!
      n++
      sa += x
      sb += y
      saa += x * x
      sbb += y * y
      sab += x * y
    }
  }
  return { n, sx: sa, sy: sb, sxx: saa, syy: sbb, sxy: sab }
}

/** `grid` resampled to n×n cells (box averages), whatever its aspect. */
export function squashed(grid: Grid, n: number): Grid {
  const v = new Float64Array(n * n)
  const counts = new Uint32Array(n * n)
  for (let y = 0; y < grid.h; y++) {
    const row = Math.min(n - 1, Math.floor((y * n) / grid.h)) * n
    for (let x = 0; x < grid.w; x++) {
      const cell = row + Math.min(n - 1, Math.floor((x * n) / grid.w))
      v[cell]! += grid.v[y * grid.w + x]!
      counts[cell]!++
    }
  }
  for (let i = 0; i < n * n; i++) {
    if (counts[i]) v[i]! /= counts[i]!
    else {
      const y = Math.min(grid.h - 1, Math.floor(((Math.floor(i / n) + 0.5) * grid.h) / n))
      const x = Math.min(grid.w - 1, Math.floor((((i % n) + 0.5) * grid.w) / n))
      v[i] = grid.v[y * grid.w + x]!
    }
  }
  return { w: n, h: n, v }
}

/** Where a window's ends are tried in the coarse search (minus 0 for the start, plus 1 for the end). */
export const CROP_ENDS = ((): number[] => {
  const out: number[] = []
  for (let e = -MAX_CROP; e <= MAX_CROP + 1e-9; e += 0.02) out.push(Math.round(e * 100) / 100)
  return out
})()

export interface Aligned extends Window {
  readonly r: number
  /** The coarse search's correlation, before refining. */
  readonly coarse: number
}

/** Windows whose width (or height) is a plausible light crop of one picture or the other. */
export const plausibleSpan = (s0: number, s1: number): boolean => s1 - s0 >= 0.84 && s1 - s0 <= 1.19

/** Means of 2×2 blocks (a last odd row or column pooled alone): half the grid's resolution. */
export function halved(g: Grid): Grid {
  const w = Math.ceil(g.w / 2)
  const h = Math.ceil(g.h / 2)
  const v = new Float64Array(w * h)
  const n = new Uint8Array(w * h)
  for (let y = 0; y < g.h; y++)
    for (let x = 0; x < g.w; x++) {
      const i = (y >> 1) * w + (x >> 1)
      v[i]! += g.v[y * g.w + x]!
      n[i]!++
    }
  for (let i = 0; i < v.length; i++) v[i]! /= n[i]!
  return { w, h, v }
}

/**
 * The window that best lines B up with A: a coarse search on small grids, one axis at a time
 * (a crop is a choice of two ends per axis), then finer ones at half and at full resolution.
 */
export function align(a: Grid, b: Grid, coarseA: Grid, coarseB: Grid): Aligned {
  let best = { ...WHOLE, r: correlation(coarseA, coarseB, WHOLE) }
  for (let round = 0; round < 2; round++)
    for (const along of ['x', 'y'] as const)
      for (const s of CROP_ENDS)
        for (const e of CROP_ENDS) {
          if (!plausibleSpan(s, 1 + e)) continue
          const win = along === 'x' ? { ...best, x0: s, x1: 1 + e } : { ...best, y0: s, y1: 1 + e }
          const r = correlation(coarseA, coarseB, win)
          if (r > best.r) best = { ...win, r }
        }
  const half = refine(halved(a), halved(b), best, [0.01, 0.005])
  return { ...refine(a, b, half, [0.0025]), coarse: best.r }
}

/** Nudges each end of the window while that lines the full grids up better. */
export function refine(
  a: Grid,
  b: Grid,
  start: Window,
  steps: readonly number[]
): Window & { r: number } {
  let best = { ...start, r: correlation(a, b, start) }
  for (const step of steps)
    for (let moves = 0; moves < 6; moves++) {
      let moved = false
      for (const key of ['x0', 'x1', 'y0', 'y1'] as const)
        for (const d of [-step, step]) {
          const win = { ...best, [key]: best[key] + d }
          if (!plausibleSpan(win.x0, win.x1) || !plausibleSpan(win.y0, win.y1)) continue
          const r = correlation(a, b, win)
          if (r > best.r) {
            best = { ...win, r }
            moved = true
          }
        }
      if (!moved) break
    }
  return best
}
