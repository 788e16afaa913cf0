import { open, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { extensionFor, sniffImage, SNIFF_BYTES, decodableKinds } from '@shared/library/magic'
import { failure, unsupportedFormat, type Failure } from '@shared/library/reasons'

export interface DownloaderOptions {
  readonly fetch: typeof fetch
  /** Where downloaded files are kept (they are the library's copy). */
  readonly dir: string
  readonly maxBytes?: number
  /** Concurrent requests to one host; politeness and fewer 429s. */
  readonly perHost?: number
  /** Until the response headers arrive. */
  readonly headersTimeoutMs?: number
  /** Longest wait for the next chunk of the body. */
  readonly idleTimeoutMs?: number
  readonly totalTimeoutMs?: number
  /** Reports each request to the Activity view; returns its completion callback. */
  readonly track?: (host: string) => (ok: boolean) => void
}

export type DownloadOutcome = { ok: true; path: string } | { ok: false; failure: Failure }

class HostLimiter {
  private readonly active = new Map<string, number>()
  private readonly waiting = new Map<string, (() => void)[]>()

  constructor(private readonly limit: number) {}

  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    while ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiting.get(host) ?? []
        queue.push(resolve)
        this.waiting.set(host, queue)
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
      })
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.active.set(host, (this.active.get(host) ?? 1) - 1)
      this.waiting.get(host)?.shift()?.()
    }
  }
}

const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`

/**
 * Downloads image URLs with async I/O only: streamed to disk chunk by chunk (never held in
 * memory whole), a per-host limit, a size cap, header/idle/total timeouts, and the content
 * checked by its magic bytes (a server's content-type or the URL's extension prove nothing).
 */
export class UrlDownloader {
  private readonly hosts: HostLimiter
  private readonly maxBytes: number

  constructor(private readonly options: DownloaderOptions) {
    this.hosts = new HostLimiter(options.perHost ?? 4)
    this.maxBytes = options.maxBytes ?? 100 * 1024 * 1024
  }

  async download(url: string, name: string, signal?: AbortSignal): Promise<DownloadOutcome> {
    let host: string
    try {
      host = new URL(url).host
    } catch {
      return { ok: false, failure: failure('download', 'This is not a valid web address.') }
    }
    let release: (() => void) | null = null
    let settle: ((ok: boolean) => void) | null = null
    try {
      release = await this.hosts.acquire(host, signal)
      settle = this.options.track?.(host) ?? null
      const outcome = await this.fetchToFile(url, name, signal)
      settle?.(outcome.ok)
      return outcome
    } catch (error) {
      settle?.(false)
      if (signal?.aborted) return { ok: false, failure: failure('cancelled', 'Import cancelled.') }
      return {
        ok: false,
        failure: failure('download', `The download failed (${describe(error)}).`)
      }
    } finally {
      release?.()
    }
  }

  private async fetchToFile(
    url: string,
    name: string,
    outer?: AbortSignal
  ): Promise<DownloadOutcome> {
    const o = this.options
    const controller = new AbortController()
    // Held in an object: it is set from timers and callbacks, which control flow cannot see.
    const stopped: { why: Failure | null } = { why: null }
    const stop = (f: Failure): void => {
      stopped.why ??= f
      controller.abort()
    }
    const onOuter = (): void => stop(failure('cancelled', 'Import cancelled.'))
    outer?.addEventListener('abort', onOuter, { once: true })
    const total = setTimeout(
      () =>
        stop(
          failure(
            'download',
            `The download took longer than ${Math.round((o.totalTimeoutMs ?? 120_000) / 1000)} s.`
          )
        ),
      o.totalTimeoutMs ?? 120_000
    )
    const idleMs = o.idleTimeoutMs ?? 20_000
    let idle = setTimeout(
      () => stop(failure('download', 'The server did not answer in time.')),
      o.headersTimeoutMs ?? 15_000
    )
    const armIdle = (): void => {
      clearTimeout(idle)
      idle = setTimeout(() => stop(failure('download', 'The server stopped sending data.')), idleMs)
    }
    const temp = join(this.options.dir, `${name}.part`)
    let file: Awaited<ReturnType<typeof open>> | null = null
    try {
      const res = await o.fetch(url, { signal: controller.signal, redirect: 'follow' })
      if (!res.ok || !res.body) {
        return {
          ok: false,
          failure: failure(
            'download',
            `The server answered ${res.status} ${res.statusText}`.trim() + '.'
          )
        }
      }
      const declared = Number(res.headers.get('content-length') ?? NaN)
      if (declared > this.maxBytes)
        return {
          ok: false,
          failure: failure(
            'too-large',
            `The file is ${mb(declared)}, over the ${mb(this.maxBytes)} limit.`
          )
        }
      armIdle()
      file = await open(temp, 'w')
      const reader = res.body.getReader()
      let head = Buffer.alloc(0)
      let kind: ReturnType<typeof sniffImage> | null = null
      let received = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        armIdle()
        received += value.byteLength
        if (received > this.maxBytes) {
          stop(failure('too-large', `The file is over the ${mb(this.maxBytes)} limit.`))
          break
        }
        if (kind === null) {
          head = Buffer.concat([head, value])
          if (head.length < SNIFF_BYTES) continue
          kind = sniffImage(head)
          if (!(await this.acceptKind(kind, res, stop))) break
          await file.write(head)
          continue
        }
        await file.write(value)
      }
      if (!stopped.why && kind === null) {
        kind = sniffImage(head)
        if (await this.acceptKind(kind, res, stop)) await file.write(head)
      }
      await file.close()
      file = null
      if (stopped.why) {
        await rm(temp, { force: true })
        return { ok: false, failure: stopped.why }
      }
      if (received === 0)
        return { ok: false, failure: failure('empty', 'The server sent an empty file.') }
      const target = join(this.options.dir, `${name}.${extensionFor(kind!)}`)
      await rename(temp, target)
      return { ok: true, path: target }
    } catch (error) {
      await file?.close().catch(() => undefined)
      await rm(temp, { force: true }).catch(() => undefined)
      if (stopped.why) return { ok: false, failure: stopped.why }
      throw error
    } finally {
      clearTimeout(total)
      clearTimeout(idle)
      outer?.removeEventListener('abort', onOuter)
    }
  }

  private async acceptKind(
    kind: ReturnType<typeof sniffImage>,
    res: Response,
    stop: (f: Failure) => void
  ): Promise<boolean> {
    if (kind === 'unknown') {
      const type = res.headers.get('content-type')?.split(';')[0]?.trim()
      stop(
        failure(
          'not-image',
          `The server sent something that is not an image${type ? ` (${type})` : ''}.`
        )
      )
      return false
    }
    if (!decodableKinds.has(kind)) {
      stop(unsupportedFormat(kind))
      return false
    }
    return true
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  if (cause?.code) return cause.code
  return error instanceof Error ? error.message : 'unknown error'
}
