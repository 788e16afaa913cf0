import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ThumbLoaded, ToThumbWorker } from './thumb-batch-protocol'

/** Stands in for the batch worker: records what the page asks, answers when told. */
class FakeWorker {
  static last: FakeWorker | null = null
  sent: ToThumbWorker[] = []
  onmessage: ((e: MessageEvent<ThumbLoaded>) => void) | null = null
  onerror: (() => void) | null = null
  terminated = false
  constructor() {
    FakeWorker.last = this
  }
  postMessage(m: ToThumbWorker): void {
    this.sent.push(m)
  }
  terminate(): void {
    this.terminated = true
  }
  answer(items: ThumbLoaded['items']): void {
    this.onmessage?.({ data: { type: 'loaded', items } } as MessageEvent<ThumbLoaded>)
  }
}

const THUMB = '/media/thumbnails/ab/abcd-v1-256.webp'
const OTHER = '/media/thumbnails/cd/cdef-v1-256.webp'
const loader = () => import('./thumb-source')

beforeEach(() => {
  vi.resetModules()
  FakeWorker.last = null
  vi.stubGlobal('Worker', FakeWorker)
})
afterEach(() => vi.unstubAllGlobals())

describe('the grid thumbnail loader', () => {
  it('asks the worker for a file of its root and keeps the data URL it gets', async () => {
    const { loadThumb, cachedThumb } = await loader()
    const done = vi.fn()
    loadThumb(THUMB, done)
    const worker = FakeWorker.last!
    expect(worker.sent).toEqual([
      { type: 'load', id: 1, root: 'thumbnails', file: 'ab/abcd-v1-256.webp' }
    ])
    worker.answer([{ id: 1, src: 'data:image/webp;base64,UklGRg==' }])
    expect(done).toHaveBeenCalledWith('data:image/webp;base64,UklGRg==')
    expect(cachedThumb(THUMB)).toBe('data:image/webp;base64,UklGRg==')
    const again = vi.fn()
    loadThumb(THUMB, again)
    expect(again).toHaveBeenCalledWith('data:image/webp;base64,UklGRg==')
    expect(worker.sent).toHaveLength(1)
  })

  it('falls back to the file’s own URL when the batch could not bring it', async () => {
    const { loadThumb, cachedThumb } = await loader()
    const done = vi.fn()
    loadThumb(THUMB, done)
    FakeWorker.last!.answer([{ id: 1, src: null }])
    expect(done).toHaveBeenCalledWith(THUMB)
    expect(cachedThumb(THUMB)).toBeUndefined()
  })

  it('takes a request back: the worker hears of it and the cell is never called', async () => {
    const { loadThumb } = await loader()
    const done = vi.fn()
    const cancel = loadThumb(THUMB, done)
    cancel()
    const worker = FakeWorker.last!
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel', id: 1 })
    worker.answer([{ id: 1, src: 'data:image/webp;base64,AA==' }])
    expect(done).not.toHaveBeenCalled()
  })

  it('when the worker fails, every waiting cell gets its own URL and later ones skip it', async () => {
    const { loadThumb } = await loader()
    const first = vi.fn()
    const second = vi.fn()
    loadThumb(THUMB, first)
    loadThumb(OTHER, second)
    const worker = FakeWorker.last!
    worker.onerror!()
    expect(worker.terminated).toBe(true)
    expect(first).toHaveBeenCalledWith(THUMB)
    expect(second).toHaveBeenCalledWith(OTHER)
    const later = vi.fn()
    loadThumb('/media/thumbnails/ef/ef01-v1-256.webp', later)
    expect(later).toHaveBeenCalledWith('/media/thumbnails/ef/ef01-v1-256.webp')
  })

  it('shows a URL outside the media folders as it is, with no worker at all', async () => {
    vi.stubGlobal('Worker', undefined)
    const { loadThumb } = await loader()
    const done = vi.fn()
    loadThumb('data:image/png;base64,AA==', done)
    loadThumb(THUMB, done)
    expect(done.mock.calls).toEqual([['data:image/png;base64,AA=='], [THUMB]])
  })
})
