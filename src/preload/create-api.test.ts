import { describe, expect, it } from 'vitest'
import { createApi, type Transport } from './create-api'

function fakeTransport(reply: (channel: string, params: unknown) => Promise<unknown>) {
  const listeners = new Set<(e: string, p: unknown) => void>()
  const sent: Array<[string, unknown]> = []
  const transport: Transport = {
    request: (channel, params) => {
      sent.push([channel, params])
      return reply(channel, params)
    },
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }
  }
  return { transport, sent, push: (e: string, p: unknown) => listeners.forEach((l) => l(e, p)) }
}

describe('window.api built from a transport', () => {
  it('passes requests through and returns the envelope', async () => {
    const t = fakeTransport(async () => ({ ok: true, value: { tasks: [] } }))
    const api = createApi(t.transport)
    await expect(api.invoke('app:status', {})).resolves.toEqual({ ok: true, value: { tasks: [] } })
    expect(t.sent).toEqual([['app:status', {}]])
  })

  it('turns a broken transport into an unavailable error, not a rejection', async () => {
    const api = createApi(
      fakeTransport(async () => Promise.reject(new Error('socket closed'))).transport
    )
    await expect(api.invoke('app:status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('socket closed') }
    })
  })

  it('delivers only the subscribed event until unsubscribed', () => {
    const t = fakeTransport(async () => null)
    const api = createApi(t.transport)
    const got: unknown[] = []
    const off = api.on('status:changed', (p) => got.push(p))
    t.push('settings:changed', { theme: 'dark' })
    t.push('status:changed', { tasks: [] })
    off()
    t.push('status:changed', { tasks: [1] })
    expect(got).toEqual([{ tasks: [] }])
  })
})
