import { thumbHashToDataURL } from 'thumbhash'

const cache = new Map<string, string>()
const LIMIT = 3000

/** A blurred picture of the photo from its thumbhash, drawn while the thumbnail loads. */
export function placeholderUrl(thumbhash: string): string | undefined {
  if (!thumbhash) return undefined
  const hit = cache.get(thumbhash)
  if (hit) return hit
  let url: string
  try {
    const bytes = Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0))
    url = thumbHashToDataURL(bytes)
  } catch {
    return undefined
  }
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(thumbhash, url)
  return url
}
