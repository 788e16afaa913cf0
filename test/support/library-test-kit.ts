import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { ImportProgress } from '@shared/contract/library'
import { memoryLogger } from '../../src/main/platform/log'
import { openDatabase, type Db } from '../../src/main/platform/store/database'
import { migrations } from '../../src/main/core/migrations'
import { sourceLauncher, sourceWorkerEntry } from './source-workers'
import { ImagePool, type ImagePoolOptions } from '../../src/main/library/pool/image-pool'
import { ImportQueue } from '../../src/main/library/import/import-queue'
import { UrlDownloader } from '../../src/main/library/import/url-downloader'
import { libraryRepositories } from '../../src/main/library/store/library-repositories'

export interface QueueKit {
  readonly db: Db
  readonly queue: ImportQueue
  readonly thumbs: string
  readonly progress: ImportProgress[]
  readonly finished: number[]
  /** Closes the queue and the database, like quitting the app. */
  quit(): Promise<void>
}

export interface QueueOptions {
  workers?: number
  taskTimeoutMs?: number
  fetch?: typeof fetch
  /** Receives, in order, 'thumb-start|thumb-done|preview-start|preview-done <path>'. */
  events?: string[]
}

/** A real import queue on a real SQLite file in `dir`, with image workers run from source. */
export function openQueue(dir: string, options: QueueOptions = {}): QueueKit {
  const db = openDatabase(join(dir, 'skyfolio.db'), { migrations })
  const thumbs = join(dir, 'thumbs')
  const downloads = join(dir, 'downloads')
  mkdirSync(thumbs, { recursive: true })
  mkdirSync(downloads, { recursive: true })
  const progress: ImportProgress[] = []
  const finished: number[] = []
  const queue = new ImportQueue({
    db,
    repos: libraryRepositories(db),
    log: memoryLogger(),
    now: Date.now,
    createPool: (onSlotFree) =>
      recorded(options.events, {
        launcher: sourceLauncher(),
        entry: sourceWorkerEntry('faulty-image-worker'),
        outDir: thumbs,
        size: options.workers ?? 2,
        taskTimeoutMs: options.taskTimeoutMs ?? 30_000,

        log: memoryLogger(),
        onSlotFree
      }),
    downloader: new UrlDownloader({
      fetch: options.fetch ?? fetch,
      dir: downloads,
      headersTimeoutMs: 3000,
      idleTimeoutMs: 3000
    }),
    onProgress: (p) => progress.push(p),
    onAdded: () => undefined,
    onFinished: (c) => finished.push(c.done),
    idlePoolMs: 200
  })
  return {
    db,
    queue,
    thumbs,
    progress,
    finished,
    async quit() {
      await queue.close()
      db.close()
    }
  }
}

/** `openQueue` per call; each kit the test has not quit itself is quit after the test. */
export function useQueues(): (dir: string, options?: QueueOptions) => QueueKit {
  const open = new Set<QueueKit>()
  afterEach(async () => {
    const left = [...open]
    open.clear()
    // Clean-up only: a queue the test broke on purpose may not close cleanly.
    await Promise.all(left.map((k) => k.quit().catch(() => undefined)))
  })
  return (dir, options) => {
    const opened = openQueue(dir, options)
    const kit: QueueKit = {
      ...opened,
      quit: () => {
        open.delete(kit)
        return opened.quit()
      }
    }
    open.add(kit)
    return kit
  }
}

/** The pool, its requests and answers written to `events` in the order they happen. */
function recorded(events: string[] | undefined, options: ImagePoolOptions): ImagePool {
  const pool = new ImagePool(options)
  if (!events) return pool
  const process = pool.process.bind(pool)
  const preview = pool.preview.bind(pool)
  pool.process = (path) => {
    events.push(`thumb-start ${path}`)
    return process(path).then((r) => (events.push(`thumb-done ${path}`), r))
  }
  pool.preview = (path, hash) => {
    events.push(`preview-start ${path}`)
    return preview(path, hash).then((r) => (events.push(`preview-done ${path}`), r))
  }
  return pool
}

export const rows = <T>(db: Db, sql: string, ...args: unknown[]): T[] =>
  db.prepare(sql).all(...args) as T[]
