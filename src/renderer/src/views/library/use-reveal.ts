import { useEffect, useState } from 'react'

/** Thumbnails let in per frame: small images are decoded while their tile is rasterised. */
const PER_FRAME = 6
const waiting = new Set<() => void>()
let scheduled = false

function pump(): void {
  scheduled = false
  let granted = 0
  for (const grant of waiting) {
    if (granted++ >= PER_FRAME) break
    waiting.delete(grant)
    grant()
  }
  schedule()
}

function schedule(): void {
  if (scheduled || waiting.size === 0) return
  scheduled = true
  requestAnimationFrame(pump)
}

/**
 * True once this cell's turn has come. A view full of thumbnails appears placeholders first and
 * fills in over a few frames, so the frame that answers a click or key is never the one that
 * has to decode forty images.
 */
export function useRevealed(key: string | undefined): boolean {
  const [revealed, setRevealed] = useState<string | null>(null)
  useEffect(() => {
    if (!key) return
    let live = true
    const grant = (): void => {
      if (live) setRevealed(key)
    }
    waiting.add(grant)
    schedule()
    return () => {
      live = false
      waiting.delete(grant)
    }
  }, [key])
  return key !== undefined && revealed === key
}
