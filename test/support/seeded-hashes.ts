import type { Hash } from '@shared/library/fingerprint'

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
  const flip = (h: Hash, bits: number): Hash => {
    let [hi, lo] = h
    for (let i = 0; i < bits; i++) {
      const bit = Math.floor(random() * 64)
      if (bit < 32) lo = (lo ^ (1 << bit)) >>> 0
      else hi = (hi ^ (1 << (bit - 32))) >>> 0
    }
    return [hi, lo]
  }
  return { random, word, flip }
}
