import { createBatcher } from '@shared/contract/batcher'
import { packClientFrames, type WsClientFrame, type WsServerFrame } from '@shared/contract/wire'
import { createApi, type Transport } from './create-api'

// Close code 1009: the host refused a message as too large (only a client that does not split).
const MESSAGE_TOO_BIG = 1009

/**
 * The headless host's stand-in for the preload: the same window.api, carried over a
 * WebSocket to the host (its cookie authenticates the socket). Reconnects if the host restarts.
 * Requests go out packed to the host's limits (wire.ts): a large one (a paste of thousands of
 * URLs) travels in parts, and one too large to send at all is answered here, never sent.
 */
function socketTransport(url: string): Transport {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const outbox: WsClientFrame[] = []
  let nextId = 1
  let socket: WebSocket
  let retryMs = 250

  const settle = (id: number, envelope: unknown): void => {
    pending.get(id)?.resolve(envelope)
    pending.delete(id)
  }
  const drain = (): void => {
    if (socket.readyState !== WebSocket.OPEN || outbox.length === 0) return
    const { messages, refused } = packClientFrames(outbox.splice(0))
    for (const { id, error } of refused) settle(id, { ok: false, error })
    for (const message of messages) socket.send(message)
  }

  const connect = (): void => {
    socket = new WebSocket(url)
    socket.addEventListener('open', () => {
      retryMs = 250
      drain()
    })
    socket.addEventListener('message', (message) => {
      for (const frame of JSON.parse(String(message.data)) as WsServerFrame[]) {
        if (frame.kind === 'reply') settle(frame.id, frame.envelope)
        else for (const listener of listeners) listener(frame.event, frame.payload)
      }
    })
    socket.addEventListener('close', (event) => {
      const reason =
        event.code === MESSAGE_TOO_BIG
          ? 'the host refused a message as too large'
          : 'connection to the host closed'
      for (const p of pending.values()) p.reject(new Error(reason))
      pending.clear()
      // Their callers have been told they failed: they must not run later, after a reconnect.
      outbox.length = 0
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    })
  }
  const send = createBatcher<WsClientFrame>((frames) => {
    outbox.push(...frames)
    drain()
  }, queueMicrotask)
  connect()

  return {
    request(channel, params) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        send({ id, channel, params })
      })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`
Object.defineProperty(window, 'api', { value: createApi(socketTransport(wsUrl)), writable: false })
