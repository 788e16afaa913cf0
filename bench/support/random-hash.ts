import type { Hash } from '@shared/library/fingerprint'
import { flipBits } from '../../test/support/seeded-hashes'

/** A uniform random 63-bit pHash (the top bit clear). */
export function randomHash(r: () => number): Hash {
  const word = (): number => Math.floor(r() * 2 ** 32) >>> 0
  return [word() & 0x7fffffff, word()]
}

/** The hash with `bits` random bits flipped (63-bit hashes): a slightly cropped view. */
const cropped = (h: Hash, bits: number, r: () => number): Hash => flipBits(h, bits, r, 63)

/** Five cropped views of `hash`, 4 to 11 bits from it. */
export const randomWindows = (hash: Hash, r: () => number): Hash[] =>
  Array.from({ length: 5 }, () => cropped(hash, 4 + Math.floor(r() * 8), r))
