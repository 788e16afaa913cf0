import { describe, expect, it } from 'vitest'
import {
  MAX_BATCH_FRAMES,
  MAX_MESSAGE_BYTES,
  MAX_REQUEST_CHARS,
  packClientFrames,
  utf8Length,
  wsClientMessageSchema,
  type WsClientFrame
} from './wire'

const encoder = new TextEncoder()
const byteLength = (s: string): number => encoder.encode(s).length

/** What the host rebuilds from the messages: every request, by id. */
function unpack(messages: string[]): Map<number, unknown> {
  const requests = new Map<number, unknown>()
  const parts = new Map<number, string[]>()
  for (const text of messages) {
    const message = wsClientMessageSchema.parse(JSON.parse(text))
    if (Array.isArray(message)) for (const f of message) requests.set(f.id, f.params)
    else {
      const got = [...(parts.get(message.part.id) ?? []), message.part.data]
      parts.set(message.part.id, got)
      if (got.length === message.part.count) requests.set(message.part.id, JSON.parse(got.join('')))
    }
  }
  return requests
}

describe('packing requests for the host', () => {
  it('counts UTF-8 bytes as an encoder does', () => {
    for (const s of ['', 'abc', 'é', '☀️', '🌧', 'a🌧b', '\ud83d', '\ud83d\u0041']) {
      expect(utf8Length(s), JSON.stringify(s)).toBe(byteLength(s))
    }
  })

  it('keeps small requests in one batch', () => {
    const frames = [1, 2, 3].map((id) => ({ id, channel: 'app:status', params: {} }))
    const { messages, refused } = packClientFrames(frames)
    expect(messages).toEqual([JSON.stringify(frames)])
    expect(refused).toEqual([])
  })

  it('never makes a message over the limit, whatever the characters', () => {
    const heavy = ['x', 'é', '☀', '🌧', '"', '\\', '\n'].map((ch, i) => ({
      id: i + 1,
      channel: 'library:import',
      params: { paths: [ch.repeat(600_000)] }
    }))
    const many: WsClientFrame[] = Array.from({ length: 2500 }, (_, i) => ({
      id: 100 + i,
      channel: 'app:status',
      params: { note: 'n'.repeat(700) }
    }))
    const frames = [...heavy, ...many]
    const { messages, refused } = packClientFrames(frames)
    expect(refused).toEqual([])
    for (const m of messages) {
      expect(byteLength(m)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
      const parsed = JSON.parse(m) as unknown
      if (Array.isArray(parsed)) expect(parsed.length).toBeLessThanOrEqual(MAX_BATCH_FRAMES)
    }
    const rebuilt = unpack(messages)
    expect(rebuilt.size).toBe(frames.length)
    for (const f of frames) expect(rebuilt.get(f.id)).toEqual(f.params)
  })

  it('refuses a request over the request limit without sending it', () => {
    const huge = {
      id: 1,
      channel: 'library:import',
      params: { paths: ['p'.repeat(MAX_REQUEST_CHARS)] }
    }
    const { messages, refused } = packClientFrames([
      huge,
      { id: 2, channel: 'app:status', params: {} }
    ])
    expect(refused).toEqual([
      {
        id: 1,
        error: { code: 'invalid_params', message: expect.stringMatching(/too large.*fewer items/) }
      }
    ])
    expect(messages).toEqual([JSON.stringify([{ id: 2, channel: 'app:status', params: {} }])])
  })
})
