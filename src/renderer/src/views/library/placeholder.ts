import { useEffect, useState } from 'react'
import { thumbHashToAverageRGBA, thumbHashToDataURL } from 'thumbhash'
import { createFramePump } from '../../lib/frame-pump'

const urls = new Map<string, string>()
const LIMIT = 3000

const bytesOf = (thumbhash: string): Uint8Array =>
  Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0))

const undecodable = new Set<string>()
/** A thumbhash from main that does not decode: the cell goes without; said once per hash. */
function undecoded(thumbhash: string, error: unknown): undefined {
  if (undecodable.has(thumbhash)) return undefined
  undecodable.add(thumbhash)
  console.warn('Library: a photo placeholder (thumbhash) could not be decoded:', error)
  return undefined
}

/** A blurred picture of the photo from its thumbhash, drawn while the thumbnail loads. */
export function placeholderUrl(thumbhash: string): string | undefined {
  if (!thumbhash) return undefined
  const hit = urls.get(thumbhash)
  if (hit) return hit
  let url: string
  try {
    url = thumbHashToDataURL(bytesOf(thumbhash))
  } catch (e) {
    return undecoded(thumbhash, e)
  }
  if (urls.size >= LIMIT) urls.delete(urls.keys().next().value!)
  urls.set(thumbhash, url)
  return url
}

/** The photo's average colour: read from a few bytes of the hash, cheap enough for any render. */
export function placeholderColor(thumbhash: string): string | undefined {
  if (!thumbhash) return undefined
  try {
    const { r, g, b } = thumbHashToAverageRGBA(bytesOf(thumbhash))
    return `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`
  } catch (e) {
    return undecoded(thumbhash, e)
  }
}

/** Blurred placeholders are drawn in JavaScript (about a millisecond each): a few per frame. */
const decodes = createFramePump({ budgetMs: 4 })

/**
 * A grid cell's placeholder: its average colour at once, the blurred picture a frame or so
 * later. A page of new photos never decodes dozens of placeholders inside one render.
 */
export function usePlaceholder(thumbhash: string | undefined): {
  color: string | undefined
  url: string | undefined
} {
  const cached = thumbhash ? urls.get(thumbhash) : undefined
  const [decoded, setDecoded] = useState<{ hash: string; url: string | undefined } | null>(null)
  useEffect(() => {
    if (!thumbhash || urls.has(thumbhash)) return
    return decodes.enqueue(() => setDecoded({ hash: thumbhash, url: placeholderUrl(thumbhash) }))
  }, [thumbhash])
  const url = cached ?? (decoded && decoded.hash === thumbhash ? decoded.url : undefined)
  return { color: thumbhash && !url ? placeholderColor(thumbhash) : undefined, url }
}
