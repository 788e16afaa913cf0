import type { Hash } from '@shared/library/fingerprint'

/** `h` with `bits` random bits flipped among its lowest `span` bits. */
export function flipBits(h: Hash, bits: number, r: () => number, span = 64): Hash {
  let [hi, lo] = h
  for (let i = 0; i < bits; i++) {
    const bit = Math.floor(r() * span)
    if (bit < 32) lo = (lo ^ (1 << bit)) >>> 0
    else hi = (hi ^ (1 << (bit - 32))) >>> 0
  }
  return [hi, lo]
}

/** Repeatable random numbers and 64-bit hashes for the index tests (a linear congruential run). */
export function seededHashes(seed: number): {
  random(): number
  word(): number
  /** `h` with `bits` random bits flipped. */
  flip(h: Hash, bits: number): Hash
} {
  let state = seed
  const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const word = (): number => Math.floor(random() * 2 ** 32) >>> 0
  const flip = (h: Hash, bits: number): Hash => flipBits(h, bits, random, 64)
  return { random, word, flip }
}
