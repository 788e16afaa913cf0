import { chromaAgrees, fineGrid, rgb, sameColours } from './colour-match'
import { CHROMA, type Fingerprint } from './fingerprint'
import { align, correlation, squashed, WHOLE, type Window } from './picture-align'
import { spread } from './pixel-grids'

/**
 * The near-duplicate rule: two pictures are the same picture when one is the other resized,
 * recompressed, re-encoded, cropped by at most about 10 %, with brightness or contrast nudged,
 * or turned by its EXIF orientation. Different pictures are not, however flat or alike in layout.
 *
 * Each step can only say no, cheapest first: the shape, then the colour, then the pattern of
 * light and dark lined up cell by cell (after the best light crop), then the colour pattern
 * under that same alignment. Thresholds were measured with `npm run bench:duplicates`.
 *
 * Where a picture has nothing but colour (flat, or a smooth sky or gradient), a nudged copy and a
 * different picture of a nearby colour cannot be told apart: such copies are found only when
 * their colours are unchanged. Missing them is the price of never pairing two different skies.
 */
export interface Verdict {
  readonly near: boolean
  /** The step that decided, for the bench's table and for tests. */
  readonly step: Step
  /** Luma correlation after alignment (1 for flat pictures that matched). */
  readonly score: number
}

export type Step =
  'aspect' | 'flat' | 'colour' | 'contrast' | 'pattern' | 'colours' | 'chroma' | 'same'

/** The figures the cheap steps need: the index keeps these in memory for every content. */
export type Summary = Pick<
  Fingerprint,
  'width' | 'height' | 'mean' | 'structure' | 'texture' | 'detail'
> & { readonly chromaSpread: number }

export function summary(f: Fingerprint): Summary {
  const n = CHROMA * CHROMA
  const chromaSpread = Math.max(spread(f.chroma.subarray(0, n)).sd, spread(f.chroma.subarray(n)).sd)
  const { width, height, mean, structure, texture, detail } = f
  return { width, height, mean, structure, texture, detail, chromaSpread }
}

/** |ln(aspect A / aspect B)|: a 10 % crop of one side changes it by 0.105. */
const MAX_ASPECT = 0.125
/** Below all three, a picture is flat: one colour, the only thing there is to compare. */
const FLAT_STRUCTURE = 1
const FLAT_TEXTURE = 1.5
/** Flat pictures match only at the same colour (levels of R, G and B). */
const FLAT_COLOUR = 4
/**
 * Smooth pictures (skies, plain gradients: `detail` below this) have a pattern any other sky
 * shares; only their exact light and colour tell them apart, so no nudge is allowed for them.
 */
const SMOOTH_DETAIL = 2
/** Mean colour a smooth picture's copy may show (levels; a crop of a ramp moves it). */
const SMOOTH_MEAN = 8
/** Colour difference (levels of R, G or B, any 8×8 cell) a smooth picture's copy may show. */
const SMOOTH_COLOUR = 5
/** Brightness and contrast nudges move the mean luma and chroma by at most about this. */
const LUMA_SHIFT = (y: number): number => 8 + 0.2 * y
const CHROMA_SHIFT = (c: number): number => 6 + 0.25 * Math.abs(c)
/** The spread gain a brightness or contrast nudge can make (and its inverse). */
const MAX_GAIN = 1.35
const SMOOTH_GAIN = 1.2
/** Correlation the lined-up luma patterns must reach. */
const SAME_PATTERN = 0.95
/**
 * Grain (noise, sand, film grain): little coarse detail, a fine pattern that is mostly texture.
 * Resampling scrambles it, so copies correlate less; but two different grains not at all.
 */
const GRAIN_PATTERN = 0.6
const GRAIN_DETAIL = 3
const GRAIN_TEXTURE = 1.5

const isFlat = (s: Summary): boolean =>
  s.structure < FLAT_STRUCTURE && s.texture < FLAT_TEXTURE && s.chromaSpread < FLAT_STRUCTURE
const isGrain = (s: Summary): boolean =>
  s.detail < GRAIN_DETAIL && s.texture >= GRAIN_TEXTURE * s.structure
const isSmooth = (s: Summary): boolean => s.detail < SMOOTH_DETAIL && !isGrain(s) && !isFlat(s)

/**
 * Which of the index's two ways can find a picture's copies: its hashes (pictures with a pattern
 * of their own), or its colour (flat, smooth and grainy ones, whose hash bits are mostly noise).
 * The bands overlap, so a copy that lands just across a line is still found.
 */
export const findByHash = (s: Summary): boolean => s.detail >= 1.5 && !isFlat(s)
export const findByColour = (s: Summary): boolean => s.detail < GRAIN_DETAIL || isFlat(s)
/** Whether a nudged copy of this picture can still be found (not flat, not smooth). */
export const isNudgeable = (s: Summary): boolean => !isFlat(s) && !isSmooth(s)

const no = (step: Step, score = 0): Verdict => ({ near: false, step, score })

const meanRgb = (s: Summary): [number, number, number] =>
  rgb(s.mean[0], s.mean[1] - 128, s.mean[2] - 128)

/**
 * The steps that need only the summaries: the step that says no, or null when the pictures may
 * be the same and their patterns must be compared.
 */
export function screen(a: Summary, b: Summary): Step | null {
  if (Math.abs(Math.log((a.width / a.height) * (b.height / b.width))) > MAX_ASPECT) return 'aspect'
  const [flatA, flatB] = [isFlat(a), isFlat(b)]
  if (flatA || flatB) {
    const [ca, cb] = [meanRgb(a), meanRgb(b)]
    return flatA && flatB && ca.every((v, i) => Math.abs(v - cb[i]!) <= FLAT_COLOUR) ? null : 'flat'
  }
  const smooth = isSmooth(a) || isSmooth(b)
  for (const i of [0, 1, 2]) {
    const [va, vb] = [a.mean[i]!, b.mean[i]!]
    const allowed = smooth
      ? SMOOTH_MEAN
      : i === 0
        ? LUMA_SHIFT(Math.max(va, vb))
        : CHROMA_SHIFT(Math.max(Math.abs(va - 128), Math.abs(vb - 128)))
    if (Math.abs(va - vb) > allowed) return 'colour'
  }
  const gain = smooth ? SMOOTH_GAIN : MAX_GAIN
  const ratio = b.structure / a.structure
  return ratio < 1 / gain || ratio > gain ? 'contrast' : null
}

/** Is B the same picture as A? Symmetric up to rounding. */
export function compare(a: Fingerprint, b: Fingerprint): Verdict {
  const [sa, sb] = [summary(a), summary(b)]
  const screened = screen(sa, sb)
  if (screened) return no(screened)
  if (isFlat(sa)) return { near: true, step: 'same', score: 1 }

  const threshold = isGrain(sa) && isGrain(sb) ? GRAIN_PATTERN : SAME_PATTERN
  const [fa, fb] = [fineGrid(a), fineGrid(b)]
  let win: Window = WHOLE
  let r = correlation(fa, fb, WHOLE)
  if (r < threshold) {
    const aligned = align(fa, fb, squashed(fa, 16), squashed(fb, 16))
    if (aligned.r > r) ({ r, ...win } = aligned)
  }
  if (r < threshold) return no('pattern', r)

  if (isSmooth(sa) || isSmooth(sb)) {
    if (!sameColours(a, b, win, SMOOTH_COLOUR)) return no('colours', r)
  } else if (!chromaAgrees(a, b, win)) return no('chroma', r)
  return { near: true, step: 'same', score: r }
}
