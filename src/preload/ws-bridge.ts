import { createBatcher } from '@shared/contract/batcher'
import type { WsClientFrame, WsServerFrame } from '@shared/contract/wire'
import { createApi, type Transport } from './create-api'

/**
 * The headless host's stand-in for the preload: the same window.api, carried over a
 * WebSocket to the host (its cookie authenticates the socket). Reconnects if the host restarts.
 */
function socketTransport(url: string): Transport {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const listeners = new Set<(event: string, payload: unknown) => void>()
  const queue: WsClientFrame[] = []
  let nextId = 1
  let socket: WebSocket
  let retryMs = 250

  const connect = (): void => {
    socket = new WebSocket(url)
    socket.addEventListener('open', () => {
      retryMs = 250
      if (queue.length) socket.send(JSON.stringify(queue.splice(0)))
    })
    socket.addEventListener('message', (message) => {
      for (const frame of JSON.parse(String(message.data)) as WsServerFrame[]) {
        if (frame.kind === 'reply') {
          pending.get(frame.id)?.resolve(frame.envelope)
          pending.delete(frame.id)
        } else {
          for (const listener of listeners) listener(frame.event, frame.payload)
        }
      }
    })
    socket.addEventListener('close', () => {
      for (const p of pending.values()) p.reject(new Error('connection to the host closed'))
      pending.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    })
  }
  const sendBatched = createBatcher<WsClientFrame>((frames) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frames))
    else queue.push(...frames)
  }, queueMicrotask)
  connect()

  return {
    request(channel, params) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        if (socket.readyState === WebSocket.OPEN) sendBatched({ id, channel, params })
        else queue.push({ id, channel, params })
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
