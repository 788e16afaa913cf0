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

describe('window.api.pathForFile (desktop)', () => {
  const file = new Blob(['x'])

  it('is absent where the host cannot locate files (the browser window)', () => {
    expect(createApi(fakeTransport(async () => null).transport).pathForFile).toBeUndefined()
  })

  it('grants a dropped file’s path in main before any later request is sent', async () => {
    const order: string[] = []
    let finishGrant: () => void = () => undefined
    const t = fakeTransport(async (channel) => {
      order.push(`request ${channel}`)
      return { ok: true, value: {} }
    })
    const api = createApi(t.transport, {
      pathOf: () => '/home/a/photos',
      grant: (path) => {
        order.push(`grant ${path}`)
        return new Promise<void>((resolve) => {
          finishGrant = () => {
            order.push('granted')
            resolve()
          }
        })
      }
    })
    expect(api.pathForFile?.(file)).toBe('/home/a/photos')
    const reply = api.invoke('library:import', { paths: ['/home/a/photos'], urls: [] })
    await Promise.resolve()
    expect(order).toEqual(['grant /home/a/photos'])
    finishGrant()
    await expect(reply).resolves.toEqual({ ok: true, value: {} })
    expect(order).toEqual(['grant /home/a/photos', 'granted', 'request library:import'])
  })

  it('grants nothing for a file the page made itself, and a failed grant does not block', async () => {
    const granted: string[] = []
    const t = fakeTransport(async () => ({ ok: true, value: {} }))
    const api = createApi(t.transport, {
      pathOf: (f) => (f === file ? '' : '/dropped'),
      grant: async (path) => {
        granted.push(path)
        throw new Error('refused')
      }
    })
    expect(api.pathForFile?.(file)).toBe('')
    expect(granted).toEqual([])
    expect(api.pathForFile?.(new Blob(['y']))).toBe('/dropped')
    await expect(api.invoke('app:status', {})).resolves.toEqual({ ok: true, value: {} })
    expect(granted).toEqual(['/dropped'])
    expect(t.sent).toEqual([['app:status', {}]])
  })
})
