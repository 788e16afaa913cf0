import { hamming } from '@shared/library/fingerprint'
import type { Summary } from '@shared/library/near-duplicate'
import { NearIndex, type NearKey } from '../../src/main/library/store/near-index'
import { prng } from './duplicate-set'
import { randomHash, randomWindows } from './random-hash'

/**
 * The index at library size with synthetic keys: uniform random pHashes (a cropped view is the
 * whole with a few bits flipped), one picture in ten flat or smooth (found by colour). Times the
 * search for a new picture against a full scan of the same keys.
 */
export interface ScaleRow {
  readonly photos: number
  /** Microseconds per new picture: the index's search and the screening of what it finds. */
  readonly index_us: number
  /** The same answer by comparing the new picture's hashes with every stored one. */
  readonly scan_us: number
  /** Entries and summaries the index looked at per search. */
  readonly examined: number
  readonly candidates: number
}

function randomKey(r: () => number): NearKey {
  const hash = randomHash(r)
  const smooth = r() < 0.1
  const summary: Summary = {
    width: 256,
    height: 160 + Math.floor(r() * 96),
    mean: [40 + r() * 180, 90 + r() * 76, 90 + r() * 76],
    structure: smooth ? r() * 20 : 10 + r() * 50,
    texture: smooth ? r() : 5 + r() * 40,
    detail: smooth ? r() * 1.5 : 5 + r() * 40,
    chromaSpread: r() * 20
  }
  return {
    summary,
    hash,
    windows: randomWindows(hash, r)
  }
}

/** What the index must find, the slow way: every stored key's hashes against the new one's. */
function scan(keys: readonly NearKey[], q: NearKey): number {
  let found = 0
  for (const k of keys) {
    let near = hamming(k.hash, q.hash) <= 10
    for (let i = 0; !near && i < 5; i++)
      near = hamming(k.windows[i]!, q.hash) <= 10 || hamming(k.hash, q.windows[i]!) <= 10
    if (near) found++
  }
  return found
}

export function measureScale(sizes: readonly number[], queries = 500, seed = 7): ScaleRow[] {
  const r = prng(seed)
  const rows: ScaleRow[] = []
  const index = new NearIndex()
  const keys: NearKey[] = []
  for (const size of sizes) {
    while (keys.length < size) {
      const k = randomKey(r)
      index.put(String(keys.length), k)
      keys.push(k)
    }
    const probes = Array.from({ length: queries }, () => randomKey(r))
    index.looked = 0
    let candidates = 0
    let t = performance.now()
    for (const q of probes) candidates += index.candidates(q).length
    const indexUs = ((performance.now() - t) * 1000) / queries
    const scanned = Math.min(queries, 50)
    t = performance.now()
    for (const q of probes.slice(0, scanned)) scan(keys, q)
    const scanUs = ((performance.now() - t) * 1000) / scanned
    rows.push({
      photos: size,
      index_us: Math.round(indexUs),
      scan_us: Math.round(scanUs),
      examined: Math.round(index.looked / queries),
      candidates: Math.round((candidates / queries) * 100) / 100
    })
  }
  return rows
}
