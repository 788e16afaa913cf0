import type { Envelope, EventName, SkyfolioApi } from '@shared/contract'

/** How a host carries the contract: the Electron IPC or the headless host's WebSocket. */
export interface Transport {
  request(channel: string, params: unknown): Promise<unknown>
  /** Subscribes to every pushed event; returns the unsubscribe. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void
}

/**
 * Desktop only: how the preload learns where a dropped or pasted file lives, and tells main
 * the user chose it. Main opens only paths the user chose; the page itself cannot grant one.
 */
export interface FilePaths {
  /** Electron's path of a File the user dropped, pasted or picked; '' for one the page made. */
  pathOf(file: Blob): string
  /** Grants `path` in main. Requests made after it wait until main has it. */
  grant(path: string): Promise<unknown>
}

const transportFailure = (error: unknown): Envelope<never> => ({
  ok: false,
  error: {
    code: 'unavailable',
    message: `Skyfolio's background process did not answer (${error instanceof Error ? error.message : String(error)}).`
  }
})

/** Builds window.api from a transport: the same object under both hosts. */
export function createApi(transport: Transport, files?: FilePaths): SkyfolioApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let unsubscribe: (() => void) | null = null
  // Grants on their way to main: the import that names a dropped path must not overtake them.
  const granting = new Set<Promise<unknown>>()

  const send = (channel: string, params: unknown): Promise<unknown> =>
    granting.size === 0
      ? transport.request(channel, params)
      : Promise.allSettled([...granting]).then(() => transport.request(channel, params))

  const fileApi = (access: FilePaths): Pick<SkyfolioApi, 'pathForFile'> => ({
    pathForFile(file: Blob): string {
      const path = access.pathOf(file)
      if (path) {
        const grant = new Promise<unknown>((resolve) => resolve(access.grant(path)))
        granting.add(grant)
        const settled = (): void => void granting.delete(grant)
        grant.then(settled, settled)
      }
      return path
    }
  })

  const ensureSubscribed = (): void => {
    if (unsubscribe) return
    unsubscribe = transport.subscribe((event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }

  return {
    invoke: (channel, params) =>
      send(channel, params).then(
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
    },
    ...(files ? fileApi(files) : {})
  } as SkyfolioApi
}
