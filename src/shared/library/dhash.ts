/**
 * Difference hash: 64 bits from a 9×8 greyscale image, one bit per horizontal neighbour pair.
 * Re-encoded, resized or lightly edited copies of a photo land within a few bits of each other.
 */
export function dHash(grey9x8: ArrayLike<number>): string {
  if (grey9x8.length !== 72) throw new Error('dHash needs 9×8 greyscale pixels')
  let hex = ''
  for (let row = 0; row < 8; row++) {
    let byte = 0
    for (let col = 0; col < 8; col++) {
      const left = grey9x8[row * 9 + col]!
      const right = grey9x8[row * 9 + col + 1]!
      byte = (byte << 1) | (left > right ? 1 : 0)
    }
    hex += byte.toString(16).padStart(2, '0')
  }
  return hex
}

/**
 * Two dHashes at most this many bits apart (of 64) are near-duplicates.
 *
 * Measured with sharp on 60 synthetic "scenes" (blurred gradients with random ellipses,
 * 1600×1100 JPEG q90) and 9 kinds of copy each (half size q60, quarter size q40, q20, WebP q50,
 * +5 % brightness, +20 % saturation, 2 % crop, 1-px blur, 200-px thumbnail): copies differ by
 * 1–2 bits on average, 8 at worst (crops, quarter-size q40), and 532 of 540 are within 6 bits.
 * The 1,770 pairs of different scenes are 16 bits apart at the closest (median 32). 6 catches
 * nearly every copy and leaves a 10-bit margin before two different photos would meet.
 * (Images that are mostly fine noise hash unstably, 7–10 bits on average: those copies are
 * missed rather than risk false matches.)
 */
export const NEAR_DUPLICATE_BITS = 6

/** Flat images (all neighbours equal) hash to all zeros or all ones: such hashes say nothing. */
export const isFlatHash = (hash: string): boolean =>
  hash === '0000000000000000' || hash === 'ffffffffffffffff'

/** The 64-bit hash as two unsigned 32-bit halves: [high, low]. */
export function hashHalves(hash: string): [number, number] {
  if (hash.length !== 16) throw new Error('a dHash is 16 hex digits')
  return [parseInt(hash.slice(0, 8), 16) >>> 0, parseInt(hash.slice(8), 16) >>> 0]
}

/** Set bits in a 32-bit integer (SWAR: no loop over bits). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** Bits that differ between two 64-bit dHashes (16 hex digits each). */
export function hammingDistance(a: string, b: string): number {
  const [ah, al] = hashHalves(a)
  const [bh, bl] = hashHalves(b)
  return popcount32(ah ^ bh) + popcount32(al ^ bl)
}
