import type { Envelope, EventName, SkyfolioApi } from '@shared/contract'

/** How a host carries the contract: the Electron IPC or the headless host's WebSocket. */
export interface Transport {
  request(channel: string, params: unknown): Promise<unknown>
  /** Subscribes to every pushed event; returns the unsubscribe. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void
}

const transportFailure = (error: unknown): Envelope<never> => ({
  ok: false,
  error: {
    code: 'unavailable',
    message: `Skyfolio's background process did not answer (${error instanceof Error ? error.message : String(error)}).`
  }
})

/** Builds window.api from a transport: the same object under both hosts. */
export function createApi(transport: Transport): SkyfolioApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let unsubscribe: (() => void) | null = null

  const ensureSubscribed = (): void => {
    if (unsubscribe) return
    unsubscribe = transport.subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }

  return {
    invoke: (channel, params) =>
      transport.request(channel, params).then(
        (envelope) => envelope as Envelope<never>,
        (error: unknown) => transportFailure(error)
      ),
    on(event: EventName, listener: (payload: never) => void) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      ensureSubscribed()
      const set = listeners.get(event) ?? new Set()
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      listeners.set(event, set)
      return () => {
        set.delete(wrapped)
      }
    }
  } as SkyfolioApi
}
