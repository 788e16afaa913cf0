import sharp from 'sharp'
import { fingerprint, type Fingerprint } from '@shared/library/fingerprint'
import { THUMB_EDGE } from '@shared/library/thumbnails'
import {
  categories,
  edits,
  flatKinds,
  labelledSet,
  type LabelledImage
} from './support/duplicate-set'
import { pairUp, score, type Score } from './support/duplicate-score'
import { measureScale } from './support/near-scale'
import { arg, printTable, round } from './support/report'

/**
 * `npm run bench:duplicates [-- --json --backfill --seed 11 --scenes 1000 --per-kind 200 --edit-every 5]`
 * The near-duplicate rule on a labelled set it makes itself (support/duplicate-set.ts): distinct
 * pictures (photo-like scenes, and flat colours, gradients, skies, shapes, documents,
 * screenshots, noise) and eight kinds of edited copy of every fifth one. Each picture is
 * fingerprinted from its thumbnail's pixels as the image worker does (EXIF orientation applied,
 * 256 px), then added to the index in a shuffled order, each new one checked against those
 * before it, as an import does. Then the index alone at 1,000 to 100,000 photos with synthetic
 * hashes, against a full scan. `--backfill` runs the set again with fingerprints made from stored
 * WebP thumbnails, as an existing library gets them.
 */
const json = process.argv.includes('--json')
const seed = Number(arg('seed') ?? 11)
const perKind = Number(arg('per-kind') ?? 200)
const counts = Object.fromEntries(
  categories.map((c) => [c, c === 'scene' ? Number(arg('scenes') ?? 1000) : perKind])
) as Record<(typeof categories)[number], number>
const editEvery = Number(arg('edit-every') ?? 5)

const log = (line: string): void => {
  if (!json) console.log(line)
}

/** The thumbnail's pixels as the worker has them (image-pipeline.ts), then the fingerprint. */
async function fingerprintOf(img: LabelledImage): Promise<{ f: Fingerprint; ms: number }> {
  const { data, info } = await sharp(img.bytes, { failOn: 'error' })
    .autoOrient()
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const started = performance.now()
  const f = fingerprint(data, info.width, info.height, info.channels)
  return { f, ms: performance.now() - started }
}

/** The same picture as the backfill sees it: the stored WebP thumbnail, decoded again. */
async function fromStoredThumbnail(img: LabelledImage): Promise<Fingerprint> {
  const thumb = await sharp(img.bytes, { failOn: 'error' })
    .autoOrient()
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .webp({ quality: 72, effort: 2 })
    .toBuffer()
  const { data, info } = await sharp(thumb).raw().toBuffer({ resolveWithObject: true })
  return fingerprint(data, info.width, info.height, info.channels)
}

async function main(): Promise<void> {
  let t = performance.now()
  const set = await labelledSet({ counts, editEvery, seed })
  const generateS = (performance.now() - t) / 1000
  log(`made ${set.length} pictures in ${generateS.toFixed(0)} s`)

  t = performance.now()
  const prints: Fingerprint[] = []
  let fingerprintMs = 0
  for (const [i, img] of set.entries()) {
    const { f, ms } = await fingerprintOf(img)
    prints[i] = f
    fingerprintMs += ms
  }
  log(`fingerprinted in ${((performance.now() - t) / 1000).toFixed(0)} s`)

  const { found, candidates, ms: checkMs } = pairUp(prints, seed + 1)
  const s = score(set, found)

  if (!json) {
    console.log('\nBy kind of picture: copies found (with their original), and false pairs')
    printTable(
      categories.map((c) => ({
        kind: c,
        distinct: counts[c],
        copies: set.filter((img) => img.category === c && img.edit).length,
        recall: s.recallOf((img) => img.category === c),
        false_pairs: s.falsePairsOf((img) => img.category === c)
      }))
    )
    console.log('\nBy edit: copies found')
    printTable(
      edits.map((e) => ({
        edit: e,
        all: s.recallOf((img) => img.edit === e),
        photo_like: s.recallOf((img) => img.edit === e && img.category === 'scene'),
        flat_or_low_detail: s.recallOf((img) => img.edit === e && flatKinds.has(img.category))
      }))
    )
  }

  // Existing libraries: fingerprints made by the backfill from the stored thumbnails.
  let backfill: Omit<Score, 'recallOf' | 'falsePairsOf'> | null = null
  if (process.argv.includes('--backfill')) {
    const stored: Fingerprint[] = []
    for (const img of set) stored.push(await fromStoredThumbnail(img))
    const { recallOf: _r, falsePairsOf: _f, ...rest } = score(set, pairUp(stored, seed + 1).found)
    backfill = rest
    log(`\nFrom stored WebP thumbnails (the backfill): ${JSON.stringify(backfill)}`)
  }

  const scale = measureScale([1_000, 10_000, 100_000])
  if (!json) {
    console.log('\nThe index at library size (synthetic hashes): one new photo, in microseconds')
    printTable(
      scale.map((row) => ({ ...row, speedup: round(row.scan_us / Math.max(1, row.index_us), 1) }))
    )
  }

  const at100k = scale.find((row) => row.photos === 100_000)!
  const at10k = scale.find((row) => row.photos === 10_000)!
  const result = {
    pictures: set.length,
    distinct: new Set(set.map((img) => img.family)).size,
    copies: set.filter((img) => img.edit).length,
    precision: s.precision,
    recall: s.recall,
    pair_recall: s.pair_recall,
    false_pairs: s.false_pairs,
    flat_false_pairs: s.flat_false_pairs,
    ms_per_photo: round(checkMs, 2),
    candidates_per_photo: round(candidates / set.length, 2),
    fingerprint_ms: round(fingerprintMs / set.length, 2),
    index_us_at_100k: at100k.index_us,
    scan_us_at_100k: at100k.scan_us,
    examined_at_100k: at100k.examined,
    /** Sub-linear: a library 10× larger makes a lookup look at fewer than 10× the entries. */
    examined_growth_10k_to_100k: round(at100k.examined / Math.max(1, at10k.examined), 2),
    index_time_growth_10k_to_100k: round(at100k.index_us / Math.max(1, at10k.index_us), 2),
    scale,
    backfill,
    generate_s: round(generateS, 0)
  }
  if (!json) {
    console.log(
      `\nprecision ${result.precision}  recall ${result.recall} (every pair in a family: ` +
        `${result.pair_recall})  false pairs ${result.false_pairs}, flat ${result.flat_false_pairs}` +
        `\ncheck ${result.ms_per_photo} ms per photo (${result.candidates_per_photo} candidates), ` +
        `fingerprint ${result.fingerprint_ms} ms; at 100,000 photos the index answers in ` +
        `${at100k.index_us} µs where a scan takes ${at100k.scan_us} µs`
    )
  }
  console.log(JSON.stringify(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
