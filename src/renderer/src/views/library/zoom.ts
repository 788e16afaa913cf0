/** A zoomed view of a picture: its scale (display px per picture px) and offset from centre. */
export interface Zoom {
  scale: number
  x: number
  y: number
}

export const MAX_SCALE = 8

/** The scale that shows the whole picture in the box, never larger than 100 %. */
export const fitScale = (box: { w: number; h: number }, pic: { w: number; h: number }): number =>
  pic.w > 0 && pic.h > 0 && box.w > 0 && box.h > 0 ? Math.min(1, box.w / pic.w, box.h / pic.h) : 1

/** Keeps the picture over the box: it cannot be dragged out of sight. */
export function clampPan(
  z: Zoom,
  box: { w: number; h: number },
  pic: { w: number; h: number }
): Zoom {
  const maxX = Math.max(0, (pic.w * z.scale - box.w) / 2)
  const maxY = Math.max(0, (pic.h * z.scale - box.h) / 2)
  return {
    scale: z.scale,
    x: Math.max(-maxX, Math.min(maxX, z.x)),
    y: Math.max(-maxY, Math.min(maxY, z.y))
  }
}

/**
 * Zooms to `scale` keeping the picture point under `at` (relative to the box's centre) where
 * it is, as wheel and pinch zoom do; at or under `fit` it returns null (back to fit).
 */
export function zoomAt(
  z: Zoom,
  scale: number,
  at: { x: number; y: number },
  fit: number
): Zoom | null {
  const next = Math.min(MAX_SCALE, scale)
  if (next <= fit + 1e-6) return null
  const k = next / z.scale
  return { scale: next, x: at.x - (at.x - z.x) * k, y: at.y - (at.y - z.y) * k }
}
