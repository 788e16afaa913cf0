import { describe, expect, it } from 'vitest'
import {
  MEDIA_BATCH_MAX_FILES,
  batchRequest,
  decodeMediaBatch,
  encodeMediaBatch,
  isBatchFile,
  mediaBatchUrl
} from './media-batch'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)
const request = (pathAndQuery: string) => batchRequest(new URL(pathAndQuery, 'http://x'))

describe('media batch frames', () => {
  it('gives back every file in the order asked, missing ones as null', () => {
    const files = [bytes(1, 2, 3), null, bytes(), bytes(9)]
    const body = encodeMediaBatch(files).slice().buffer
    expect(decodeMediaBatch(body, 4)?.map((f) => (f ? [...f] : null))).toEqual([
      [1, 2, 3],
      null,
      [],
      [9]
    ])
  })

  it('refuses a body that is cut short, runs past its end or has bytes left over', () => {
    const body = encodeMediaBatch([bytes(1, 2, 3), bytes(4)])
    const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer
    expect(decodeMediaBatch(buffer(body), 2)).not.toBeNull()
    expect(decodeMediaBatch(buffer(body.subarray(0, body.length - 1)), 2)).toBeNull()
    expect(decodeMediaBatch(buffer(body), 3)).toBeNull()
    expect(decodeMediaBatch(buffer(body), 1)).toBeNull()
    const lying = body.slice()
    new DataView(lying.buffer).setUint32(0, 1000, true)
    expect(decodeMediaBatch(lying.buffer, 2)).toBeNull()
  })
})

describe('media batch requests', () => {
  it('reads back the files its own URL asks for', () => {
    const files = ['ab/abcd-v1-256.webp', 'cd/cdef-v1-256.webp']
    expect(request(mediaBatchUrl('thumbnails', files))).toEqual({ root: 'thumbnails', files })
  })

  it('refuses paths that could leave the root, hidden names and odd characters', () => {
    for (const file of [
      '../db.sqlite',
      'ab/../../x',
      './a',
      '.hidden',
      'a//b',
      '/abs',
      'a\\b',
      'a b',
      'ab/%2e%2e'
    ])
      expect(isBatchFile(file), file).toBe(false)
    expect(isBatchFile('ab/abcd-v1-256.webp')).toBe(true)
    expect(request('/media-batch/thumbnails?f=..%2Fdb.sqlite')).toBeNull()
  })

  it('refuses other query keys, an empty list, too many files and odd roots', () => {
    expect(request('/media-batch/thumbnails?f=a.webp&x=1')).toBeNull()
    expect(request('/media-batch/thumbnails')).toBeNull()
    expect(request('/media-batch/Thumb_nails?f=a.webp')).toBeNull()
    expect(request('/media-batch/thumbnails/more?f=a.webp')).toBeNull()
    const many = Array.from({ length: MEDIA_BATCH_MAX_FILES + 1 }, (_, i) => `f${i}.webp`)
    expect(request(mediaBatchUrl('thumbnails', many))).toBeNull()
    expect(request(mediaBatchUrl('thumbnails', many.slice(1)))?.files).toHaveLength(
      MEDIA_BATCH_MAX_FILES
    )
  })
})
