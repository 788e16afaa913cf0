/**
 * A perceptual hash computed in plain JavaScript, on purpose: it is the CPU-bound stage that
 * "test both" can add to show what blocking an event loop costs. The 8×8 lowest frequencies of
 * a naive 2-D DCT over a size×size greyscale image (64·size² cosines, about 25 ms at 192 px on
 * one core), each bit set when its coefficient is above their median.
 */
export function jsPerceptualHash(grey: Uint8Array, size: number): string {
  if (grey.length !== size * size)
    throw new Error(`expected ${size * size} pixels, got ${grey.length}`)
  const K = 8
  const coeffs: number[] = []
  for (let u = 0; u < K; u++) {
    for (let v = 0; v < K; v++) {
      let sum = 0
      for (let y = 0; y < size; y++) {
        const cy = Math.cos(((2 * y + 1) * v * Math.PI) / (2 * size))
        for (let x = 0; x < size; x++) {
          sum += grey[y * size + x]! * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * size)) * cy
        }
      }
      coeffs.push(sum)
    }
  }
  const ac = coeffs.slice(1)
  const median = [...ac].sort((a, b) => a - b)[ac.length >> 1]!
  let hex = ''
  for (let i = 0; i < 64; i += 4) {
    let nibble = 0
    for (let b = 0; b < 4; b++) nibble = (nibble << 1) | (coeffs[i + b]! > median ? 1 : 0)
    hex += nibble.toString(16)
  }
  return hex
}

/** Bits that differ between two hashes of the same length. */
export function hammingDistance(a: string, b: string): number {
  let d = 0
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)
    while (x) {
      d += x & 1
      x >>= 1
    }
  }
  return d
}
