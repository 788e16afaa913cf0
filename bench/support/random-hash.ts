import type { Hash } from '@shared/library/fingerprint'

/** A uniform random 63-bit pHash (the top bit clear). */
export function randomHash(r: () => number): Hash {
  const word = (): number => Math.floor(r() * 2 ** 32) >>> 0
  return [word() & 0x7fffffff, word()]
}

/** The hash with `bits` random bits flipped: a slightly cropped view of the same picture. */
export function flipBits(h: Hash, bits: number, r: () => number): Hash {
  let [hi, lo] = h
  for (let i = 0; i < bits; i++) {
    const bit = Math.floor(r() * 63)
    if (bit < 32) lo = (lo ^ (1 << bit)) >>> 0
    else hi = (hi ^ (1 << (bit - 32))) >>> 0
  }
  return [hi, lo]
}

/** Five cropped views of `hash`, 4 to 11 bits from it. */
export const randomWindows = (hash: Hash, r: () => number): Hash[] =>
  Array.from({ length: 5 }, () => flipBits(hash, 4 + Math.floor(r() * 8), r))
