import { isBatchFile } from '@shared/library/media-batch'
import type { ThumbLoaded, ToThumbWorker } from './thumb-batch-protocol'

type Done = (src: string) => void
const MEDIA = /^\/media\/([a-z0-9-]+)\/(.+)$/
/** Thumbnails kept as data: URLs, newest last: a few screens of the grid. */
const KEEP = 600
const cache = new Map<string, string>()
const waiting = new Map<number, { url: string; done: Done }>()
let nextId = 1
let worker: Worker | null | undefined

function remember(url: string, src: string): void {
  cache.delete(url)
  cache.set(url, src)
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!)
}

function answer(items: ThumbLoaded['items']): void {
  for (const { id, src } of items) {
    const w = waiting.get(id)
    if (!w) continue
    waiting.delete(id)
    if (src) remember(w.url, src)
    w.done(src ?? w.url)
  }
}

function theWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./thumb-batch.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<ThumbLoaded>) => {
      if (Array.isArray(e.data?.items)) answer(e.data.items)
    }
    worker.onerror = () => {
      // Every thumbnail still arrives, one request each.
      worker?.terminate()
      worker = null
      answer([...waiting.keys()].map((id) => ({ id, src: null })))
    }
  } catch {
    worker = null
  }
  return worker
}

/** A thumbnail already at hand, for the render that draws its cell. */
export const cachedThumb = (url: string): string | undefined => cache.get(url)

/**
 * Asks for a thumbnail; `done` gets the src to show: a data: URL, or the file's own URL when
 * it could not come in a batch. The returned function takes the request back.
 */
export function loadThumb(url: string, done: Done): () => void {
  const hit = cache.get(url)
  const media = MEDIA.exec(url)
  const w = hit || !media || !isBatchFile(media[2]!) ? null : theWorker()
  if (!w || !media) {
    done(hit ?? url)
    return () => undefined
  }
  const id = nextId++
  waiting.set(id, { url, done })
  w.postMessage({ type: 'load', id, root: media[1]!, file: media[2]! } satisfies ToThumbWorker)
  return () => {
    if (waiting.delete(id)) w.postMessage({ type: 'cancel', id } satisfies ToThumbWorker)
  }
}
