import { z } from 'zod'

/**
 * How a photo was exposed, as its camera wrote it in EXIF. Numbers are kept as numbers (the
 * store can filter and sort on them); the lightbox words them with `exposureLine`.
 */
export const exposureSchema = z.object({
  /** ExposureTime, in seconds. */
  shutter: z.number().positive().max(3600).nullable(),
  /** FNumber: 2.8 for f/2.8. */
  aperture: z.number().min(0.5).max(256).nullable(),
  iso: z.number().int().positive().max(10_000_000).nullable(),
  /** FocalLength, in mm. */
  focal: z.number().positive().max(10_000).nullable(),
  /** FocalLengthIn35mmFilm: the same field of view on a full-frame camera, in mm. */
  focal35: z.number().int().positive().max(10_000).nullable(),
  lens: z.string().min(1).max(120).nullable()
})
export type Exposure = z.infer<typeof exposureSchema>

/** Up to one decimal, without a trailing ".0": 2.8, 8, 5.7. */
const decimal = (n: number): string => String(Math.round(n * 10) / 10)

/** 0.004 → "1/250 s", 0.4 → "0.4 s", 2 → "2 s", 1/3 → "1/3 s". */
export function shutterText(seconds: number): string {
  if (seconds >= 1) return `${decimal(seconds)} s`
  const inverse = 1 / seconds
  const whole = Math.round(inverse)
  // Cameras store 1/250 as 10/2500 or 0.004; only a near-whole reciprocal reads as a fraction.
  if (Math.abs(inverse - whole) <= inverse * 0.02) return `1/${whole} s`
  return `${decimal(seconds)} s`
}

export const apertureText = (f: number): string => `f/${decimal(f)}`

/** "35 mm", or "5.7 mm (26 mm equiv.)" when the full-frame figure differs. */
export function focalText(focal: number | null, focal35: number | null): string | null {
  if (focal === null) return focal35 === null ? null : `${focal35} mm equiv.`
  const own = `${decimal(focal)} mm`
  return focal35 === null || Math.abs(focal35 - focal) < 0.5 ? own : `${own} (${focal35} mm equiv.)`
}

/** The parts a photo app shows: "1/250 s", "f/2.8", "ISO 200", "35 mm", the lens. */
export function exposureParts(e: Exposure): string[] {
  return [
    e.shutter === null ? null : shutterText(e.shutter),
    e.aperture === null ? null : apertureText(e.aperture),
    e.iso === null ? null : `ISO ${e.iso}`,
    focalText(e.focal, e.focal35),
    e.lens
  ].filter((part): part is string => part !== null)
}

/** "1/250 s · f/2.8 · ISO 200 · 35 mm · Canon EF 24-70mm"; '' when nothing is known. */
export const exposureLine = (e: Exposure | null | undefined): string =>
  e ? exposureParts(e).join(' · ') : ''

/** An exposure with nothing known is no exposure. */
export const isEmptyExposure = (e: Exposure): boolean => Object.values(e).every((v) => v === null)
