import { createWriteStream } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { StrategyPlan } from '@shared/contract/bench'
import type { Logger } from '../platform/log'
import type { Executor } from './executors'
import type { ItemReport, PassWork } from './strategy-runner'

/** Downloads at once in (b) and (c), as a browser opens per host, give or take. */
export const DOWNLOAD_CONCURRENCY = 8

/**
 * "Download and process", the seed's hybrid: (a) one at a time, each image downloaded then
 * processed by one worker process; (b) every download first (async, several at once), then all
 * processing across `workers` processes; (c) a pipeline, where each download that lands goes
 * straight to the same pool while the others are still on the wire.
 */
export function downloadPlansFor(workers: number): StrategyPlan[] {
  return [
    { strategy: 'one-at-a-time', workers: 1 },
    { strategy: 'download-first', workers },
    { strategy: 'pipeline', workers }
  ]
}

export interface Downloads {
  readonly fetch: typeof fetch
  /** Where this pass's downloads go (the caller empties it between passes). */
  readonly dir: string
  /** Reports each request to the Activity view; returns its completion callback. */
  readonly track?: (host: string) => (ok: boolean) => void
  readonly log: Logger
}

/** Streams one URL to `file` with async I/O only (never held in memory whole). */
export async function downloadTo(
  downloads: Downloads,
  url: string,
  file: string,
  signal: AbortSignal
): Promise<void> {
  const settle = downloads.track?.(new URL(url).host)
  try {
    const response = await downloads.fetch(url, { signal })
    if (!response.ok || !response.body)
      throw new Error(`the image server answered ${response.status}`)
    const temp = `${file}.part`
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      createWriteStream(temp),
      { signal }
    )
    await rename(temp, file)
    settle?.(true)
  } catch (error) {
    settle?.(false)
    throw error
  }
}

/** Runs `task` over `items`, at most `limit` at a time, in order of start. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: (() => void)[] = []
  return async (task) => {
    while (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

/**
 * One pass of a download plan over `urls`. A download that fails counts as a failed image
 * (as in an import); a broken executor stops the pass.
 */
export function downloadWork(
  plan: StrategyPlan,
  urls: readonly string[],
  executor: Executor,
  downloads: Downloads
): PassWork {
  const fileOf = (i: number): string =>
    join(downloads.dir, `image-${String(i).padStart(5, '0')}.jpg`)
  type Fetched = { path: string } | { reason: string }
  const fetchOne = async (i: number, signal: AbortSignal): Promise<Fetched> => {
    try {
      await downloadTo(downloads, urls[i]!, fileOf(i), signal)
      return { path: fileOf(i) }
    } catch (error) {
      // A failed image, as in an import: counted, logged, and the pass goes on.
      const reason = `the download failed: ${error instanceof Error ? error.message : String(error)}`
      if (!signal.aborted) downloads.log.warn('bench: a download failed', { index: i, error })
      return { reason }
    }
  }
  const processOne = async (fetched: Fetched, report: ItemReport): Promise<void> => {
    if ('reason' in fetched) return report(false, fetched.reason)
    const result = await executor.process(fetched.path)
    report(result.ok, result.reason)
  }
  const indices = urls.map((_, i) => i)

  return {
    total: urls.length,
    async run(report, signal) {
      await mkdir(downloads.dir, { recursive: true })
      if (plan.strategy === 'one-at-a-time') {
        for (const i of indices) {
          if (signal.aborted) return
          await processOne(await fetchOne(i, signal), report)
        }
        return
      }
      const limit = limiter(DOWNLOAD_CONCURRENCY)
      if (plan.strategy === 'download-first') {
        const fetched = await Promise.all(indices.map((i) => limit(() => fetchOne(i, signal))))
        if (signal.aborted) return
        await Promise.all(fetched.map((f) => processOne(f, report)))
        return
      }
      if (plan.strategy === 'pipeline') {
        // Each download frees its slot as it lands; its processing is queued in the pool.
        await Promise.all(
          indices.map(async (i) => {
            const fetched = await limit(() => fetchOne(i, signal))
            if (!signal.aborted) await processOne(fetched, report)
          })
        )
        return
      }
      throw new Error(`${plan.strategy} is not a download plan`)
    }
  }
}
