import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { extensionFor, sniffImage, SNIFF_BYTES, decodableKinds } from '@shared/library/magic'
import { failure, unsupportedFormat, type Failure } from '@shared/library/reasons'
import { defaultTransferLimits, watchTransfer, type TransferLimits } from './transfer-watchdog'

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
  /** A body slower than this (bytes a second, over each `rateWindowMs`) is stopped: 1 KB/s. */
  readonly minBytesPerSecond?: number
  /** 15 s by default; tests use short windows. */
  readonly rateWindowMs?: number
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
  private readonly limits: TransferLimits
  private swept: Promise<void> | null = null

  constructor(private readonly options: DownloaderOptions) {
    this.hosts = new HostLimiter(options.perHost ?? 4)
    this.maxBytes = options.maxBytes ?? 100 * 1024 * 1024
    const d = defaultTransferLimits
    this.limits = {
      headersTimeoutMs: options.headersTimeoutMs ?? d.headersTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? d.idleTimeoutMs,
      totalTimeoutMs: options.totalTimeoutMs ?? d.totalTimeoutMs,
      minBytesPerSecond: options.minBytesPerSecond ?? d.minBytesPerSecond,
      rateWindowMs: options.rateWindowMs ?? d.rateWindowMs
    }
  }

  /**
   * Partial files a previous run left when it was killed mid-download: nothing resumes them
   * (a retried download starts over), so they go before this run's first download.
   */
  private async removeLeftovers(): Promise<void> {
    let names: string[]
    try {
      names = await readdir(this.options.dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const name of names.filter((n) => n.endsWith('.part')))
      await rm(join(this.options.dir, name), { force: true })
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
      this.swept ??= this.removeLeftovers().catch((error: unknown) => {
        this.swept = null // try again with the next download
        throw error
      })
      await this.swept
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

  /** Streams one response to `<name>.part`, then renames it; on any failure, no file stays. */
  private async fetchToFile(
    url: string,
    name: string,
    outer?: AbortSignal
  ): Promise<DownloadOutcome> {
    const controller = new AbortController()
    // Held in an object: it is set from timers and callbacks, which control flow cannot see.
    const stopped: { why: Failure | null } = { why: null }
    const stop = (f: Failure): void => {
      stopped.why ??= f
      controller.abort()
    }
    const onOuter = (): void => stop(failure('cancelled', 'Import cancelled.'))
    outer?.addEventListener('abort', onOuter, { once: true })
    const watch = watchTransfer(this.limits, stop)
    const temp = join(this.options.dir, `${name}.part`)
    let file: FileHandle | null = null
    let kept = false
    try {
      const res = await this.options.fetch(url, { signal: controller.signal, redirect: 'follow' })
      const refused = this.refuseResponse(res)
      if (refused) return { ok: false, failure: refused }
      watch.bodyStarted()
      file = await open(temp, 'w')
      const kind = await this.stream(res, file, watch, stop)
      if (stopped.why) return { ok: false, failure: stopped.why }
      await file.close()
      file = null
      const target = join(this.options.dir, `${name}.${extensionFor(kind!)}`)
      await rename(temp, target)
      kept = true
      return { ok: true, path: target }
    } catch (error) {
      if (stopped.why) return { ok: false, failure: stopped.why }
      throw error
    } finally {
      watch.clear()
      outer?.removeEventListener('abort', onOuter)
      // Every way out but success removes the partial file (a cleanup error is reported).
      if (!kept) {
        await file?.close()
        await rm(temp, { force: true })
      }
    }
  }

  private refuseResponse(res: Response): Failure | null {
    if (!res.ok || !res.body)
      return failure('download', `The server answered ${res.status} ${res.statusText}`.trim() + '.')
    const declared = Number(res.headers.get('content-length') ?? NaN)
    if (declared > this.maxBytes)
      return failure(
        'too-large',
        `The file is ${mb(declared)}, over the ${mb(this.maxBytes)} limit.`
      )
    return null
  }

  /**
   * Writes the body to `file`, checking the first bytes' kind before keeping any of it.
   * Returns the kind, or null once `stop` was called (too big, not an image, unsupported).
   */
  private async stream(
    res: Response,
    file: FileHandle,
    watch: { received(bytes: number): void },
    stop: (f: Failure) => void
  ): Promise<ReturnType<typeof sniffImage> | null> {
    const reader = res.body!.getReader()
    let head = Buffer.alloc(0)
    let kind: ReturnType<typeof sniffImage> | null = null
    let received = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      watch.received(value.byteLength)
      received += value.byteLength
      if (received > this.maxBytes) {
        stop(failure('too-large', `The file is over the ${mb(this.maxBytes)} limit.`))
        return null
      }
      if (kind !== null) {
        await file.write(value)
        continue
      }
      head = Buffer.concat([head, value])
      if (head.length < SNIFF_BYTES) continue
      kind = sniffImage(head)
      if (!this.acceptKind(kind, res, stop)) return null
      await file.write(head)
    }
    if (kind !== null) return kind
    if (head.length === 0) {
      stop(failure('empty', 'The server sent an empty file.'))
      return null
    }
    kind = sniffImage(head)
    if (!this.acceptKind(kind, res, stop)) return null
    await file.write(head)
    return kind
  }

  private acceptKind(
    kind: ReturnType<typeof sniffImage>,
    res: Response,
    stop: (f: Failure) => void
  ): boolean {
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
