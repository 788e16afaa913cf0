import { cancelled } from './weather-errors'

interface Shared<T> {
  controller: AbortController
  promise: Promise<T>
  refs: number
}

/** Identical requests in flight share one; it is aborted only when every caller has left. */
export class SharedRequests {
  private readonly inflight = new Map<string, Shared<unknown>>()

  run<T>(
    key: string,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<T>
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelled())
    let entry = this.inflight.get(key) as Shared<T> | undefined
    if (!entry) {
      const controller = new AbortController()
      const created: Shared<T> = { controller, refs: 0, promise: run(controller.signal) }
      // Callers get the failure through `joined.promise` below; this only forgets the entry.
      const forget = (): void => {
        if (this.inflight.get(key) === created) this.inflight.delete(key)
      }
      created.promise.then(forget, forget)
      this.inflight.set(key, created as Shared<unknown>)
      entry = created
    }
    const joined = entry
    joined.refs++
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const onAbort = (): void => {
        if (settled) return
        settled = true
        reject(cancelled())
        if (--joined.refs === 0) {
          if (this.inflight.get(key) === joined) this.inflight.delete(key)
          joined.controller.abort()
        }
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      joined.promise.then(
        (value) => {
          if (settled) return
          settled = true
          signal?.removeEventListener('abort', onAbort)
          resolve(value)
        },
        (error: unknown) => {
          if (settled) return
          settled = true
          signal?.removeEventListener('abort', onAbort)
          reject(error)
        }
      )
    })
  }
}
