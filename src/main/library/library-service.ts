import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { LibraryChannel } from '@shared/contract'
import type { ImportProgress } from '@shared/contract/library'
import type { Service, ServiceContext } from '../core/service'
import { ImagePool } from './pool/image-pool'
import { ImportQueue } from './import/import-queue'
import { importTaskOf } from './import/import-task'
import { FileSweep } from './store/file-sweep'
import { libraryRepositories } from './store/library-repositories'
import { backfillSimilar, type Backfill } from './pairing/pairing-client'
import { UrlDownloader } from './import/url-downloader'
import { duplicateHandlers } from './duplicate-handlers'
import { libraryHandlers } from './library-handlers'

/** A batch that took longer than this ends with an OS notification (the user looked away). */
const NOTIFY_AFTER_MS = 20_000

export interface LibraryOptions {
  /** Per-file limit before a worker counts as hung (tests shorten it). */
  readonly taskTimeoutMs?: number
}

/** The photo library: import queue, worker pool, downloads, and the gallery's queries. */
export function setupLibrary(
  ctx: ServiceContext,
  options: LibraryOptions = {}
): Service<LibraryChannel> & { readonly queue: ImportQueue } {
  mkdirSync(ctx.paths.thumbnails, { recursive: true })
  mkdirSync(ctx.paths.downloads, { recursive: true })
  const repos = libraryRepositories(ctx.db)
  const { photos, jobs, assets } = repos
  const timeout = options.taskTimeoutMs ?? ctx.config.importTimeoutMs
  let revision = 0
  let backfill: Backfill | null = null
  const changed = ({ added, removed }: { added: number; removed: number }): void =>
    ctx.bus.emit('library:changed', { revision: ++revision, added, removed })
  // Near-duplicates are paired after an import ends: the window hears once they are.
  let unpaired = false
  let closed = false
  const announcePairs = (): void => {
    const loop = backfill
    if (!loop || !unpaired) return
    unpaired = false
    void loop.idle().then(() => {
      if (!closed) changed({ added: 0, removed: 0 })
    })
  }

  const workerCount = (): number => ctx.settings.get().importWorkers ?? availableParallelism()

  const sweep = new FileSweep({
    db: ctx.db,
    dir: ctx.paths.thumbnails,
    idle: () => queue.progress().state === 'idle',
    log: ctx.log
  })

  /** Tells the window of every batch whose summary became final (each once). */
  const announceBatches = (): void => {
    for (const report of repos.reports.settle()) ctx.bus.emit('library:batch-finished', report)
  }

  const reportProgress = (p: ImportProgress): void => {
    ctx.bus.emit('library:progress', p)
    backfill?.setHeld(p.state === 'running')
    // Progress goes out after every change of a batch, so a summary is final by the next one.
    announceBatches()
    if (p.state === 'idle') {
      announcePairs()
      sweep.run()
      ctx.tasks.end('library-import')
      ctx.desktop.setProgress(null)
      return
    }
    const task = importTaskOf(p)
    ctx.tasks.set({ id: 'library-import', kind: 'import', ...task })
    // The taskbar keeps a bar while folders are walked: so far of what was found so far.
    const settled = p.done + p.failed + p.skipped
    ctx.desktop.setProgress(task.progress ?? (p.discovered > 0 ? settled / p.discovered : null))
  }

  const queue = new ImportQueue({
    repos,
    db: ctx.db,
    log: ctx.log,
    now: ctx.now,
    createPool: (onSlotFree) =>
      new ImagePool({
        launcher: ctx.launcher,
        entry: ctx.workerEntry('image-worker'),
        outDir: ctx.paths.thumbnails,
        size: workerCount(),
        taskTimeoutMs: timeout,
        log: ctx.log.child('pool'),
        onSlotFree
      }),
    downloader: new UrlDownloader({
      fetch: ctx.fetch,
      dir: ctx.paths.downloads,
      track: (host) => ctx.network.start(host, 'image download')
    }),
    onProgress: reportProgress,
    onAdded: (added) => {
      unpaired = true
      changed({ added, removed: 0 })
    },
    onFinished: (counts, elapsed) => {
      ctx.log.info('import finished', { ...counts, elapsedMs: elapsed })
      if (elapsed < NOTIFY_AFTER_MS) return
      const added = counts.done
      const problems = counts.failed
      ctx.desktop.notify(
        'Import finished',
        `${added} photo${added === 1 ? '' : 's'} added` +
          (problems ? `, ${problems} could not be imported.` : '.')
      )
    }
  })

  return {
    queue,
    mediaRoots: { thumbnails: ctx.paths.thumbnails },
    activity: () => {
      const workers = queue.poolStats()
      return {
        pool: {
          workers: workers.length,
          busy: workers.filter((w) => w.inflight > 0).length,
          inFlight: workers.reduce((n, w) => n + w.inflight, 0),
          queued: queue.poolQueued()
        },
        processes: workers.flatMap((w, i) =>
          w.pid ? [{ pid: w.pid, name: `Image worker ${i + 1}`, kind: 'worker' as const }] : []
        )
      }
    },
    handlers: {
      ...libraryHandlers({
        queue,
        photos,
        jobs,
        reports: repos.reports,
        assets,
        desktop: ctx.desktop,
        grants: ctx.grants,
        changed,
        sweep: () => sweep.run(),
        now: ctx.now,
        log: ctx.log
      }),
      ...duplicateHandlers({ db: ctx.db, changed, now: ctx.now })
    },
    start: () => {
      sweep.run()
      queue.start()
      // A batch cancelled with files in flight at the last quit is settled now.
      announceBatches()
      backfill = backfillSimilar(ctx.db, {
        thumbsDir: ctx.paths.thumbnails,
        launcher: ctx.launcher,
        entry: ctx.workerEntry('pairing-worker'),
        log: ctx.log.child('pairing')
      })
      backfill.done.then(
        (pairs) => {
          if (!pairs) return
          ctx.log.info('near-duplicates found in earlier imports', { pairs })
          if (!closed) changed({ added: 0, removed: 0 })
        },
        (error: unknown) => ctx.log.warn('near-duplicate backfill failed', { error: String(error) })
      )
    },
    close: () => {
      closed = true
      sweep.stop()
      return Promise.all([backfill?.stop(), queue.close()]).then(() => undefined)
    }
  }
}
