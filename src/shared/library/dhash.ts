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

/** Bits that differ between two hex hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error('hashes differ in length')
  let bits = 0
  for (let i = 0; i < a.length; i += 2) {
    let x = parseInt(a.slice(i, i + 2), 16) ^ parseInt(b.slice(i, i + 2), 16)
    while (x) {
      bits += x & 1
      x >>= 1
    }
  }
  return bits
}
