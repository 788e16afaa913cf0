import { useEffect, useState } from 'react'
import { cachedThumb, loadThumb } from './thumb-source'

/** The src to show a thumbnail from: at once when it is at hand, else once its batch arrives. */
export function useThumbSrc(url: string | undefined): string | undefined {
  const [got, setGot] = useState<{ url: string; src: string } | null>(null)
  const hit = url ? cachedThumb(url) : undefined
  useEffect(() => {
    if (!url || cachedThumb(url)) return
    return loadThumb(url, (src) => setGot({ url, src }))
  }, [url])
  return hit ?? (got && got.url === url ? got.src : undefined)
}
