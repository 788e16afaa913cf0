import {
  CHROMA,
  FINGERPRINT_VERSION,
  WINDOWS,
  quantise,
  unquantise,
  type Fingerprint,
  type Hash
} from './fingerprint'

/**
 * A fingerprint as bytes (stored in the database, carried from the image worker as base64):
 * version, size, figures, hashes, the fine grid two cells a byte, chroma.
 */
const FIGURES = 7
const HASHES = 1 + WINDOWS.length
const HEADER = 1 + 4 + 4 * FIGURES + 8 * HASHES + 2
const CHROMA_BYTES = CHROMA * CHROMA * 2

export function encodeFingerprint(f: Fingerprint): Uint8Array {
  const fineBytes = Math.ceil(f.fine.length / 2)
  const bytes = new Uint8Array(HEADER + fineBytes + CHROMA_BYTES)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, FINGERPRINT_VERSION)
  view.setUint16(1, f.width)
  view.setUint16(3, f.height)
  const figures = [...f.mean, f.structure, f.texture, f.detail, f.sharpness]
  figures.forEach((v, i) => view.setFloat32(5 + i * 4, v))
  let at = 5 + 4 * FIGURES
  for (const h of [f.hash, ...f.windows]) {
    view.setUint32(at, h[0])
    view.setUint32(at + 4, h[1])
    at += 8
  }
  view.setUint8(at, f.fineWidth)
  view.setUint8(at + 1, f.fineHeight)
  for (let i = 0; i < f.fine.length; i++)
    bytes[HEADER + (i >> 1)]! |= quantise(f.fine[i]!) << (i & 1 ? 0 : 4)
  bytes.set(new Uint8Array(f.chroma.buffer, f.chroma.byteOffset, CHROMA_BYTES), HEADER + fineBytes)
  return bytes
}

/** The fingerprint in `bytes`, or null when they are not a fingerprint of this version. */
export function decodeFingerprint(bytes: Uint8Array): Fingerprint | null {
  if (bytes.length < HEADER || bytes[0] !== FINGERPRINT_VERSION) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const hashes: Hash[] = []
  let at = 5 + 4 * FIGURES
  for (let i = 0; i < HASHES; i++, at += 8)
    hashes.push([view.getUint32(at), view.getUint32(at + 4)])
  const fw = view.getUint8(at)
  const fh = view.getUint8(at + 1)
  const fineBytes = Math.ceil((fw * fh) / 2)
  if (fw * fh === 0 || bytes.length !== HEADER + fineBytes + CHROMA_BYTES) return null
  const fine = new Float32Array(fw * fh)
  for (let i = 0; i < fine.length; i++)
    fine[i] = unquantise((bytes[HEADER + (i >> 1)]! >> (i & 1 ? 0 : 4)) & 15)
  const fig = (i: number): number => view.getFloat32(5 + i * 4)
  return {
    width: view.getUint16(1),
    height: view.getUint16(3),
    mean: [fig(0), fig(1), fig(2)],
    structure: fig(3),
    texture: fig(4),
    detail: fig(5),
    sharpness: fig(6),
    hash: hashes[0]!,
    windows: hashes.slice(1),
    fineWidth: fw,
    fineHeight: fh,
    fine,
    chroma: Int8Array.from(
      new Int8Array(bytes.buffer, bytes.byteOffset + HEADER + fineBytes, CHROMA_BYTES)
    )
  }
}

/** Base64 for the worker's facts (JSON). */
export const fingerprintToBase64 = (f: Fingerprint): string => {
  let text = ''
  for (const b of encodeFingerprint(f)) text += String.fromCharCode(b)
  return btoa(text)
}

export function fingerprintFromBase64(text: string): Fingerprint | null {
  try {
    return decodeFingerprint(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))
  } catch {
    return null
  }
}
