import sharp, { type Sharp } from 'sharp'
import {
  between,
  FLAT_SEPARATION,
  int,
  original,
  prng,
  type Kind,
  type Rnd
} from './duplicate-pictures'

export { prng }

/**
 * The labelled set behind `bench:duplicates`: distinct pictures of eight kinds, flat and
 * low-detail ones first among them, and edited copies of a subset: what a near-duplicate rule
 * must find (the same picture resized, recompressed, re-encoded, lightly cropped, nudged,
 * EXIF-rotated) and must not (different pictures, however flat or alike in layout).
 * Everything is drawn from one seeded PRNG, so a run is repeatable.
 */

export type Category = Kind
export const categories: readonly Category[] = [
  'flat',
  'gradient',
  'sky',
  'shapes',
  'document',
  'screenshot',
  'noise',
  'scene'
]

/** Kinds with little or no detail: a false pair with one of these in it is a flat_false pair. */
export const flatKinds: ReadonlySet<Category> = new Set([
  'flat',
  'gradient',
  'sky',
  'shapes',
  'document',
  'screenshot',
  'noise'
])

export const edits = [
  'resized',
  'recompressed',
  'reformatted',
  'cropped',
  'brightness',
  'contrast',
  'exif-rotated',
  'combined'
] as const
export type Edit = (typeof edits)[number]

export interface LabelledImage {
  /** Which distinct picture this is (an original and its copies share it). */
  readonly family: number
  readonly category: Category
  /** null for the original. */
  readonly edit: Edit | null
  readonly bytes: Buffer
}

/** A crop of at most 10 % of each side's length in total, split at random between the ends. */
async function crop(bytes: Buffer, r: Rnd, most = 0.1): Promise<Sharp> {
  const { width = 0, height = 0 } = await sharp(bytes).metadata()
  const cut = (n: number): [number, number] => {
    const total = between(r, most * 0.4, most) * n
    const first = Math.floor(total * r())
    return [first, Math.max(1, Math.floor(n - total))]
  }
  const [left, w] = cut(width)
  const [top, h] = cut(height)
  return sharp(bytes).extract({ left, top, width: w, height: h })
}

/** A nudge of 8–12 % either way. */
const nudge = (r: Rnd): number => 1 + (r() < 0.5 ? -1 : 1) * between(r, 0.08, 0.12)

async function edited(bytes: Buffer, edit: Edit, r: Rnd, isPng: boolean): Promise<Buffer> {
  const img = sharp(bytes)
  switch (edit) {
    case 'resized': {
      const { width = 0 } = await img.metadata()
      return img
        .resize(Math.round(width * between(r, 0.45, 0.8)))
        .jpeg({ quality: 80 })
        .toBuffer()
    }
    case 'recompressed':
      return img.jpeg({ quality: int(r, 25, 45) }).toBuffer()
    case 'reformatted':
      if (isPng) return img.jpeg({ quality: 85 }).toBuffer()
      return r() < 0.5 ? img.webp({ quality: 60 }).toBuffer() : img.png().toBuffer()
    case 'cropped':
      return (await crop(bytes, r)).jpeg({ quality: 88 }).toBuffer()
    case 'brightness':
      return img
        .modulate({ brightness: nudge(r) })
        .jpeg({ quality: 88 })
        .toBuffer()
    case 'contrast': {
      const a = nudge(r)
      return img
        .linear(a, 128 * (1 - a))
        .jpeg({ quality: 88 })
        .toBuffer()
    }
    case 'exif-rotated': {
      // Stored turned; the orientation tag turns it back for display.
      const [turn, orientation] = [
        [270, 6],
        [90, 8],
        [180, 3]
      ][int(r, 0, 2)]!
      return img.rotate(turn).jpeg({ quality: 90 }).withMetadata({ orientation }).toBuffer()
    }
    case 'combined': {
      // Shared through a messenger, then trimmed: smaller, recompressed, cropped, brightened.
      const { width = 0 } = await img.metadata()
      const small = await img
        .resize(Math.round(width * 0.7))
        .jpeg({ quality: 70 })
        .toBuffer()
      return (await crop(small, r, 0.06))
        .modulate({ brightness: 1 + between(r, -0.06, 0.06) })
        .jpeg({ quality: 75 })
        .toBuffer()
    }
  }
}

export interface SetOptions {
  /** Distinct pictures of each category. */
  readonly counts: Readonly<Record<Category, number>>
  /** One original in this many gets every kind of edited copy. */
  readonly editEvery: number
  readonly seed: number
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!)
      }
    })
  )
  return out
}

/** Kinds whose pictures are nothing but colour: two of them can look the same by chance. */
const featureless: ReadonlySet<Category> = new Set(['flat', 'sky'])

/** A 16×16 look at a picture, to tell whether two featureless ones could be told apart. */
const look = async (bytes: Buffer): Promise<Buffer> =>
  sharp(bytes).autoOrient().resize(16, 16, { fit: 'fill' }).removeAlpha().raw().toBuffer()

/**
 * Pictures of different families must look different: somewhere, one channel differs by at
 * least FLAT_SEPARATION levels. Closer ones are the same picture to anyone, so a draw that lands
 * there is drawn again rather than labelled "different".
 */
class Looks {
  private readonly seen: { family: number; look: Buffer }[] = []
  async distinct(family: number, bytes: Buffer): Promise<boolean> {
    const mine = await look(bytes)
    const clash = this.seen.some(
      (s) =>
        s.family !== family &&
        mine.some((v, i) => Math.abs(v - s.look[i]!) >= FLAT_SEPARATION) === false
    )
    if (!clash) this.seen.push({ family, look: mine })
    return !clash
  }
}

/** The labelled set: distinct pictures, then the edited copies of every `editEvery`-th one. */
export async function labelledSet(options: SetOptions): Promise<LabelledImage[]> {
  sharp.concurrency(1)
  const r = prng(options.seed)
  const flats: number[][] = []
  const looks = new Looks()
  // Each picture gets its own seed, drawn in order, so generation can run in parallel.
  const plan = categories.flatMap((category) =>
    Array.from({ length: options.counts[category] }, () => ({
      category,
      seed: Math.floor(r() * 2 ** 31)
    }))
  )
  const originals: LabelledImage[] = []
  const make = async (family: number): Promise<void> => {
    const { category, seed } = plan[family]!
    const pr = prng(seed)
    let bytes = await original(category, pr, flats)
    // Featureless ones are made in order, each checked against those before it.
    while (featureless.has(category) && !(await looks.distinct(family, bytes)))
      bytes = await original(category, pr, flats)
    originals[family] = { family, category, edit: null, bytes }
  }
  const families = [...plan.keys()]
  for (const family of families) if (featureless.has(plan[family]!.category)) await make(family)
  await mapLimited(
    families.filter((f) => !featureless.has(plan[f]!.category)),
    4,
    make
  )

  const toEdit = originals.filter((o) => o.family % options.editEvery === 0)
  const copy = async (o: LabelledImage): Promise<LabelledImage[]> => {
    const er = prng(o.family * 7919 + options.seed)
    const isPng = o.bytes[0] === 0x89
    const out: LabelledImage[] = []
    for (const edit of edits) {
      let bytes = await edited(o.bytes, edit, er, isPng)
      for (let tries = 0; featureless.has(o.category) && tries < 20; tries++) {
        if (await looks.distinct(o.family, bytes)) break
        bytes = await edited(o.bytes, edit, er, isPng)
      }
      out.push({ family: o.family, category: o.category, edit, bytes })
    }
    return out
  }
  const plain = await mapLimited(
    toEdit.filter((o) => !featureless.has(o.category)),
    4,
    copy
  )
  const checked: LabelledImage[][] = []
  for (const o of toEdit) if (featureless.has(o.category)) checked.push(await copy(o))
  return [...originals, ...plain.flat(), ...checked.flat()]
}
