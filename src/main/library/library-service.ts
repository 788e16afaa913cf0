import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { LibraryChannel } from '@shared/contract'
import type { ImportProgress } from '@shared/contract/library'
import type { Service, ServiceContext } from '../core/service'
import { ImagePool } from './pool/image-pool'
import { ImportQueue } from './import/import-queue'
import { FileSweep } from './store/file-sweep'
import { libraryRepositories } from './store/library-repositories'
import { backfillSimilar, type Backfill } from './store/similar-pairs'
import { UrlDownloader } from './import/url-downloader'
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
      sweep.run()
      ctx.tasks.end('library-import')
      ctx.desktop.setProgress(null)
      return
    }
    const settled = p.done + p.failed + p.skipped
    const fraction = p.discovered > 0 && !p.discovering ? settled / p.discovered : null
    const detail =
      p.state === 'paused'
        ? `${p.pauseReason ?? 'Paused'} · ${settled} of ${p.discovered}`
        : `${settled} of ${p.discovered}${p.discovering ? '+' : ''}` +
          (p.perSecond > 0 ? ` · ${p.perSecond.toFixed(1)}/s` : '')
    ctx.tasks.set({
      id: 'library-import',
      kind: 'import',
      label: 'Importing photos',
      progress: fraction,
      detail
    })
    ctx.desktop.setProgress(fraction ?? (p.discovered > 0 ? settled / p.discovered : null))
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
    onAdded: (added) =>
      ctx.bus.emit('library:changed', { revision: ++revision, added, removed: 0 }),
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
    handlers: libraryHandlers({
      queue,
      photos,
      jobs,
      reports: repos.reports,
      assets,
      desktop: ctx.desktop,
      grants: ctx.grants,
      changed: ({ added, removed }) =>
        ctx.bus.emit('library:changed', { revision: ++revision, added, removed }),
      sweep: () => sweep.run(),
      now: ctx.now,
      log: ctx.log
    }),
    start: () => {
      sweep.run()
      queue.start()
      // A batch cancelled with files in flight at the last quit is settled now.
      announceBatches()
      backfill = backfillSimilar(ctx.db, { thumbsDir: ctx.paths.thumbnails, log: ctx.log })
      backfill.done.then(
        (pairs) => {
          if (pairs) ctx.log.info('near-duplicates found in earlier imports', { pairs })
        },
        (error: unknown) => ctx.log.warn('near-duplicate backfill failed', { error: String(error) })
      )
    },
    close: () => {
      backfill?.stop()
      sweep.stop()
      return queue.close()
    }
  }
}
