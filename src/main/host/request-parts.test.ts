import { describe, expect, it } from 'vitest'
import { MAX_PARTS, PART_CHARS, type WsClientPart } from '@shared/contract/wire'
import { createPartAssembler } from './request-parts'

const part = (id: number, index: number, count: number, data: string): WsClientPart => ({
  id,
  channel: 'library:import',
  index,
  count,
  data
})

describe('reassembling requests sent in parts', () => {
  it('joins the parts in order into the request', () => {
    const parts = createPartAssembler()
    expect(parts.add(part(1, 0, 3, '{"paths":'))).toEqual({ kind: 'pending' })
    expect(parts.add(part(1, 1, 3, '["/a",'))).toEqual({ kind: 'pending' })
    expect(parts.add(part(1, 2, 3, '"/b"]}'))).toEqual({
      kind: 'request',
      id: 1,
      channel: 'library:import',
      params: { paths: ['/a', '/b'] }
    })
    expect(parts.buffered).toBe(0)
  })

  it('refuses out-of-order parts once, then ignores the rest of that request', () => {
    const parts = createPartAssembler()
    parts.add(part(1, 0, 3, '{'))
    expect(parts.add(part(1, 2, 3, '}'))).toMatchObject({
      kind: 'refused',
      id: 1,
      error: { message: expect.stringMatching(/out of order/) }
    })
    expect(parts.add(part(2, 1, 3, 'x'))).toMatchObject({ kind: 'refused', id: 2 })
    expect(parts.add(part(2, 2, 3, 'x'))).toEqual({ kind: 'ignored' })
    expect(parts.add(part(2, 0, 1, '{}'))).toMatchObject({ kind: 'request', id: 2 })
  })

  it('refuses a request over the limit at its first part, never buffering it', () => {
    const parts = createPartAssembler()
    expect(parts.add(part(1, 0, MAX_PARTS + 1, 'x'))).toMatchObject({
      kind: 'refused',
      error: { code: 'invalid_params', message: expect.stringMatching(/too large/) }
    })
    expect(parts.add(part(2, 0, 2, 'x'.repeat(PART_CHARS + 1)))).toMatchObject({ kind: 'refused' })
    expect(parts.buffered).toBe(0)
  })

  it('bounds what one socket holds in unfinished requests', () => {
    const parts = createPartAssembler({ maxChars: 10, maxOpen: 2 })
    expect(parts.add(part(1, 0, 2, '12345'))).toEqual({ kind: 'pending' })
    expect(parts.add(part(2, 0, 2, '12345'))).toEqual({ kind: 'pending' })
    expect(parts.add(part(3, 0, 2, '1'))).toMatchObject({
      kind: 'refused',
      error: { code: 'unavailable' }
    })
    expect(parts.add(part(1, 1, 2, 'x'))).toMatchObject({ kind: 'refused', id: 1 })
    expect(parts.buffered).toBe(5)
  })

  it('answers parts that do not form JSON with a reason', () => {
    const parts = createPartAssembler()
    parts.add(part(1, 0, 2, '{"paths":'))
    expect(parts.add(part(1, 1, 2, 'nope'))).toMatchObject({
      kind: 'refused',
      error: { message: expect.stringMatching(/did not form a valid request/) }
    })
  })
})
