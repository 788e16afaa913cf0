import type { Db } from '../../platform/store/database'
import { decodeKey, NearIndex } from './near-index'

/**
 * Each connection's near-duplicate index (near-index.ts), loaded from library_near_keys the
 * first time it is asked for and kept in step by SimilarPairs. (The file keeps its old name:
 * the index it held was one of dHashes.)
 */
const indexes = new WeakMap<Db, NearIndex>()

export function nearIndex(db: Db): NearIndex {
  let index = indexes.get(db)
  if (!index) {
    index = new NearIndex()
    const rows = db
      .prepare<[], [string, Uint8Array]>(
        'SELECT hash, key FROM library_near_keys WHERE key IS NOT NULL'
      )
      .raw()
      .all()
    for (const [hash, bytes] of rows) {
      const key = decodeKey(bytes)
      if (key) index.put(hash, key)
    }
    indexes.set(db, index)
  }
  return index
}

/** The index if it was loaded already (removals need not load it). */
export const loadedNearIndex = (db: Db): NearIndex | undefined => indexes.get(db)

/** The former name, still used where contents are deleted (asset-repository.ts). */
export const loadedDHashIndex = loadedNearIndex
