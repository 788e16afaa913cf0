import sharp, { type Sharp } from 'sharp'

/**
 * Distinct pictures of each kind for the labelled set (duplicate-set.ts), drawn from a seeded
 * PRNG: flat colours, gradients, skies and snow, simple shapes, text-like documents,
 * screenshots, noise, and photo-like scenes with grain.
 */

export type Kind =
  'flat' | 'gradient' | 'sky' | 'shapes' | 'document' | 'screenshot' | 'noise' | 'scene'

/** mulberry32: small, fast, and the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rnd = () => number
export const between = (r: Rnd, lo: number, hi: number): number => lo + r() * (hi - lo)
export const int = (r: Rnd, lo: number, hi: number): number => Math.floor(between(r, lo, hi + 1))
const rgb = (c: readonly number[]): string => `rgb(${c.map((v) => Math.round(v)).join(',')})`
const colour = (r: Rnd): number[] => [int(r, 0, 255), int(r, 0, 255), int(r, 0, 255)]
export const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)))

const svg = (w: number, h: number, body: string): Buffer =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`)

function size(r: Rnd): [number, number] {
  const long = int(r, 256, 512)
  const short = Math.round(long * between(r, 0.6, 1))
  return r() < 0.65 ? [long, short] : [short, long]
}

/**
 * Distinct flat colours differ by at least this much in some channel: closer ones look the same
 * side by side, so calling them one picture would be no mistake.
 */
export const FLAT_SEPARATION = 8

function flatColour(r: Rnd, taken: number[][]): number[] {
  for (;;) {
    // One in eight near black or near white: lens caps, blank pages.
    const c = r() < 0.125 ? Array(3).fill(r() < 0.5 ? int(r, 0, 28) : int(r, 228, 255)) : colour(r)
    const jitter = c.map((v) => clamp(v + int(r, -6, 6)))
    if (taken.every((t) => t.some((v, i) => Math.abs(v - jitter[i]!) >= FLAT_SEPARATION))) {
      taken.push(jitter)
      return jitter
    }
  }
}

function gradientSvg(r: Rnd, w: number, h: number): Buffer {
  const n = int(r, 2, 3)
  const stops = Array.from(
    { length: n },
    (_, i) => `<stop offset="${i / (n - 1)}" stop-color="${rgb(colour(r))}"/>`
  ).join('')
  const angle = between(r, 0, Math.PI * 2)
  const [dx, dy] = [Math.cos(angle) / 2, Math.sin(angle) / 2]
  const grad =
    r() < 0.7
      ? `<linearGradient id="g" x1="${0.5 - dx}" y1="${0.5 - dy}" x2="${0.5 + dx}" y2="${0.5 + dy}">${stops}</linearGradient>`
      : `<radialGradient id="g" cx="${between(r, 0.2, 0.8)}" cy="${between(r, 0.2, 0.8)}" r="${between(r, 0.4, 0.9)}">${stops}</radialGradient>`
  return svg(w, h, `<defs>${grad}</defs><rect width="${w}" height="${h}" fill="url(#g)"/>`)
}

/** Sky or snow: a gentle two-colour ramp and a little sensor noise. */
function skyPixels(r: Rnd, w: number, h: number): Buffer {
  const snow = r() < 0.3
  const top = snow
    ? [int(r, 200, 245), int(r, 205, 248), int(r, 210, 255)]
    : [int(r, 40, 140), int(r, 90, 180), int(r, 170, 250)]
  const bottom = snow
    ? top.map((v) => clamp(v + int(r, -25, 10)))
    : [int(r, 140, 230), int(r, 170, 235), int(r, 200, 255)]
  const tilt = between(r, -0.3, 0.3)
  const noise = between(r, 1, 4)
  const data = Buffer.alloc(w * h * 3)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const t = Math.min(1, Math.max(0, y / h + tilt * (x / w - 0.5)))
      for (let c = 0; c < 3; c++)
        data[(y * w + x) * 3 + c] = clamp(
          top[c]! + (bottom[c]! - top[c]!) * t + (r() - 0.5) * 2 * noise
        )
    }
  return data
}

function shapesSvg(r: Rnd, w: number, h: number): Buffer {
  const shapes: string[] = []
  for (let i = int(r, 1, 4); i > 0; i--) {
    const fill = rgb(colour(r))
    const [cx, cy, s] = [between(r, 0.1, 0.9) * w, between(r, 0.1, 0.9) * h, between(r, 0.08, 0.3)]
    const kind = int(r, 0, 2)
    if (kind === 0) shapes.push(`<circle cx="${cx}" cy="${cy}" r="${s * w}" fill="${fill}"/>`)
    else if (kind === 1)
      shapes.push(
        `<rect x="${cx - s * w}" y="${cy - s * h}" width="${2 * s * w}" height="${between(r, 1, 2) * s * h}" fill="${fill}"/>`
      )
    else
      shapes.push(
        `<polygon points="${cx},${cy - s * h} ${cx + s * w},${cy + s * h} ${cx - s * w},${cy + s * h}" fill="${fill}"/>`
      )
  }
  return svg(w, h, `<rect width="${w}" height="${h}" fill="${rgb(colour(r))}"/>${shapes.join('')}`)
}

/** Lines of word-sized bars between margins: pages that share a layout but not their text. */
function textLines(r: Rnd, x0: number, x1: number, y0: number, y1: number, ink: string): string {
  const out: string[] = []
  const lineH = between(r, 0.022, 0.035) * (y1 - y0) * 2.2
  for (let y = y0; y + lineH < y1; y += lineH) {
    if (r() < 0.12) continue // paragraph break
    const end = r() < 0.15 ? x0 + between(r, 0.2, 0.8) * (x1 - x0) : x1
    for (let x = x0; x < end;) {
      const word = between(r, 0.025, 0.11) * (x1 - x0)
      if (x + word > end) break
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${word.toFixed(1)}" height="${(lineH * 0.55).toFixed(1)}" fill="${ink}"/>`
      )
      x += word + between(r, 0.012, 0.02) * (x1 - x0)
    }
  }
  return out.join('')
}

function documentSvg(r: Rnd, w: number, h: number): Buffer {
  const paper = int(r, 238, 255)
  const ink = rgb(Array(3).fill(int(r, 10, 80)))
  const m = between(r, 0.07, 0.13)
  const heading =
    r() < 0.5
      ? `<rect x="${m * w}" y="${m * h}" width="${between(r, 0.3, 0.6) * w}" height="${0.04 * h}" fill="${ink}"/>`
      : ''
  const top = heading ? m * h + 0.08 * h : m * h
  return svg(
    w,
    h,
    `<rect width="${w}" height="${h}" fill="${rgb([paper, paper, paper - int(r, 0, 8)])}"/>${heading}` +
      textLines(r, m * w, (1 - m) * w, top, (1 - m) * h, ink)
  )
}

function screenshotSvg(r: Rnd, w: number, h: number): Buffer {
  const dark = r() < 0.4
  const base = dark ? int(r, 20, 50) : int(r, 235, 255)
  const bar = between(r, 0.05, 0.09) * h
  const side = between(r, 0.15, 0.3) * w
  const parts = [
    `<rect width="${w}" height="${h}" fill="${rgb([base, base, base])}"/>`,
    `<rect width="${w}" height="${bar}" fill="${rgb(colour(r))}"/>`,
    `<rect y="${bar}" width="${side}" height="${h - bar}" fill="${rgb(Array(3).fill(dark ? base + 15 : base - 20))}"/>`
  ]
  for (let i = int(r, 1, 4); i > 0; i--) {
    const [x, y] = [between(r, side + 10, w * 0.8), between(r, bar + 10, h * 0.8)]
    parts.push(
      `<rect x="${x}" y="${y}" rx="6" width="${between(r, 0.1, 0.3) * w}" height="${between(r, 0.05, 0.2) * h}" fill="${rgb(colour(r))}"/>`
    )
  }
  const ink = dark ? 'rgb(220,220,220)' : 'rgb(40,40,40)'
  parts.push(textLines(r, side + 0.04 * w, w * 0.95, bar + 0.05 * h, h * 0.95, ink))
  return svg(w, h, parts.join(''))
}

async function noisePng(r: Rnd, w: number, h: number): Promise<Buffer> {
  const grey = r() < 0.5
  const data = Buffer.alloc(w * h * 3)
  const mean = colour(r)
  const spread = between(r, 20, 90)
  for (let i = 0; i < w * h; i++) {
    const g = (r() - 0.5) * 2 * spread
    for (let c = 0; c < 3; c++)
      data[i * 3 + c] = clamp(mean[c]! + (grey ? g : (r() - 0.5) * 2 * spread))
  }
  const img = sharp(data, { raw: { width: w, height: h, channels: 3 } })
  const sigma = r() < 0.5 ? 0 : between(r, 0.8, 3)
  return (sigma > 0 ? img.blur(sigma) : img).png().toBuffer()
}

function sceneSvg(r: Rnd, w: number, h: number): Buffer {
  const shapes = Array.from(
    { length: int(r, 6, 12) },
    () =>
      `<ellipse cx="${r() * w}" cy="${r() * h}" rx="${between(r, 0.05, 0.3) * w}" ry="${between(r, 0.07, 0.34) * h}" fill="${rgb(colour(r))}"/>`
  ).join('')
  // Thin strokes: twigs, wires, edges of things.
  const strokes = Array.from(
    { length: int(r, 3, 10) },
    () =>
      `<line x1="${r() * w}" y1="${r() * h}" x2="${r() * w}" y2="${r() * h}" stroke="${rgb(colour(r))}" stroke-width="${between(r, 1, 4)}"/>`
  ).join('')
  const [a, b] = [colour(r), colour(r)]
  return svg(
    w,
    h,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="${r()}" y2="1"><stop offset="0" stop-color="${rgb(a)}"/>` +
      `<stop offset="1" stop-color="${rgb(b)}"/></linearGradient></defs>` +
      `<rect width="${w}" height="${h}" fill="url(#g)"/>${shapes}${strokes}`
  )
}

/** Sensor grain over rendered pixels. */
async function grained(img: Sharp, r: Rnd, sigma: number): Promise<Sharp> {
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true })
  for (let i = 0; i < data.length; i++)
    data[i] = clamp(data[i]! + (r() + r() + r() - 1.5) * 2 * sigma)
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
}

/** One distinct picture, encoded as a camera (JPEG) or a screen (PNG) would store it. */
export async function original(category: Kind, r: Rnd, flats: number[][]): Promise<Buffer> {
  const [w, h] = size(r)
  const raw = (data: Buffer): Sharp => sharp(data, { raw: { width: w, height: h, channels: 3 } })
  switch (category) {
    case 'flat': {
      const c = flatColour(r, flats)
      return sharp({
        create: { width: w, height: h, channels: 3, background: { r: c[0]!, g: c[1]!, b: c[2]! } }
      })
        .jpeg({ quality: 90 })
        .toBuffer()
    }
    case 'gradient':
      return sharp(gradientSvg(r, w, h))
        .jpeg({ quality: 90 })
        .toBuffer()
    case 'sky':
      return raw(skyPixels(r, w, h))
        .jpeg({ quality: 90 })
        .toBuffer()
    case 'shapes':
      return sharp(shapesSvg(r, w, h))
        .png()
        .toBuffer()
    case 'document':
      return sharp(documentSvg(r, w, h))
        .png()
        .toBuffer()
    case 'screenshot':
      return sharp(screenshotSvg(r, w, h))
        .png()
        .toBuffer()
    case 'noise':
      return sharp(await noisePng(r, w, h))
        .jpeg({ quality: 90 })
        .toBuffer()
    case 'scene': {
      const soft = sharp(
        await sharp(sceneSvg(r, w, h))
          .blur(between(r, 0.6, 2))
          .png()
          .toBuffer()
      )
      return (await grained(soft, r, between(r, 1.5, 5))).jpeg({ quality: 90 }).toBuffer()
    }
  }
}
