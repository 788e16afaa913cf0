import type { Fingerprint } from '@shared/library/fingerprint'
import { compare } from '@shared/library/near-duplicate'
import { NearIndex, nearKey } from '../../src/main/library/store/near-index'
import { flatKinds, prng, type LabelledImage } from './duplicate-set'
import { round } from './report'

export interface Pair {
  readonly a: number
  readonly b: number
}

/**
 * Adds every picture to an index in a shuffled order (a copy may come before its original),
 * each checked against those before it as an import does: its candidates from the index, then
 * the rule. Returns the pairs made, the candidates compared and the milliseconds per picture.
 */
export function pairUp(
  prints: readonly Fingerprint[],
  seed: number
): { found: Pair[]; candidates: number; ms: number } {
  const r = prng(seed)
  const order = [...prints.keys()]
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const index = new NearIndex()
  const found: Pair[] = []
  let candidates = 0
  const started = performance.now()
  for (const i of order) {
    const key = nearKey(prints[i]!)
    for (const id of index.candidates(key)) {
      candidates++
      const j = Number(id)
      if (compare(prints[j]!, prints[i]!).near) found.push({ a: Math.min(i, j), b: Math.max(i, j) })
    }
    index.put(String(i), key)
  }
  return { found, candidates, ms: (performance.now() - started) / prints.length }
}

export interface Score {
  readonly precision: number | null
  /** Copies paired with their original. */
  readonly recall: number | null
  /** Every pair within a family (copy with copy too). */
  readonly pair_recall: number | null
  readonly false_pairs: number
  /** False pairs with a flat or low-detail picture in them. */
  readonly flat_false_pairs: number
  recallOf(keep: (img: LabelledImage) => boolean): number | null
  falsePairsOf(keep: (img: LabelledImage) => boolean): number
}

export function score(set: readonly LabelledImage[], found: readonly Pair[]): Score {
  const same = (p: Pair): boolean => set[p.a]!.family === set[p.b]!.family
  const truePairs = found.filter(same)
  const falsePairs = found.filter((p) => !same(p))
  const foundKeys = new Set(found.map((p) => `${p.a},${p.b}`))
  const originalOf = new Map(set.flatMap((img, i) => (img.edit ? [] : [[img.family, i] as const])))
  const copyFound = set.map((img, i) => {
    const o = originalOf.get(img.family)!
    return img.edit !== null && foundKeys.has(`${Math.min(i, o)},${Math.max(i, o)}`)
  })
  const sizes = new Map<number, number>()
  for (const img of set) sizes.set(img.family, (sizes.get(img.family) ?? 0) + 1)
  const allTrue = [...sizes.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0)
  const recallOf = (keep: (img: LabelledImage) => boolean): number | null => {
    const picked = set.flatMap((img, i) => (img.edit && keep(img) ? [copyFound[i]!] : []))
    return picked.length ? round(picked.filter(Boolean).length / picked.length, 3) : null
  }
  const falsePairsOf = (keep: (img: LabelledImage) => boolean): number =>
    falsePairs.filter((p) => keep(set[p.a]!) || keep(set[p.b]!)).length
  return {
    precision: round(truePairs.length / Math.max(1, found.length), 4),
    recall: recallOf(() => true),
    pair_recall: round(truePairs.length / Math.max(1, allTrue), 4),
    false_pairs: falsePairs.length,
    flat_false_pairs: falsePairsOf((img) => flatKinds.has(img.category)),
    recallOf,
    falsePairsOf
  }
}
