import { useEffect, useState } from 'react'
import { createFramePump } from '../../lib/frame-pump'

/** Thumbnails let in per frame: small images are decoded while their tile is rasterised. */
const reveals = createFramePump({ perFrame: 6 })

/**
 * True once this cell's turn has come. A view full of thumbnails appears placeholders first and
 * fills in over a few frames, so the frame that answers a click or key is never the one that
 * has to decode forty images.
 */
export function useRevealed(key: string | undefined): boolean {
  const [revealed, setRevealed] = useState<string | null>(null)
  useEffect(() => {
    if (!key) return
    return reveals.enqueue(() => setRevealed(key))
  }, [key])
  return key !== undefined && revealed === key
}
