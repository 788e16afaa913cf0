import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { AppFailure } from '@shared/contract'
import type { ImportProgress } from '@shared/contract/library'
import { displayName } from '@shared/library/sources'
import type { Service, ServiceContext } from '../core/service'
import { AssetRepository } from './store/asset-repository'
import { ImagePool } from './pool/image-pool'
import { ImportQueue } from './import/import-queue'
import { JobRepository } from './store/job-repository'
import { PhotoRepository } from './store/photo-repository'
import { backfillSimilar, type Backfill } from './store/similar-pairs'
import { UrlDownloader } from './import/url-downloader'

export type LibraryChannel =
  | 'library:import'
  | 'library:import-dialog'
  | 'library:progress'
  | 'library:pause'
  | 'library:resume'
  | 'library:cancel'
  | 'library:failures'
  | 'library:retry'
  | 'library:dismiss-failures'
  | 'library:show-in-folder'
  | 'library:list'
  | 'library:photo'
  | 'library:remove'
  | 'library:facets'

/** A batch that took longer than this ends with an OS notification (the user looked away). */
const NOTIFY_AFTER_MS = 20_000

export interface LibraryOptions {
  /** Per-file limit before a worker counts as hung (tests shorten it). */
  readonly taskTimeoutMs?: number
  readonly workerEnv?: Record<string, string>
}

/** The photo library: import queue, worker pool, downloads, and the gallery's queries. */
export function setupLibrary(
  ctx: ServiceContext,
  options: LibraryOptions = {}
): Service<LibraryChannel> & { readonly queue: ImportQueue } {
  mkdirSync(ctx.paths.thumbnails, { recursive: true })
  mkdirSync(ctx.paths.downloads, { recursive: true })
  const photos = new PhotoRepository(ctx.db)
  const jobs = new JobRepository(ctx.db)
  const assets = new AssetRepository(ctx.db)
  const env = ctx.env
  const timeout = options.taskTimeoutMs ?? (Number(env.SKYFOLIO_IMPORT_TIMEOUT_MS) || 60_000)
  let revision = 0
  let backfill: Backfill | null = null

  const workerCount = (): number => ctx.settings.get().importWorkers ?? availableParallelism()

  const reportProgress = (p: ImportProgress): void => {
    ctx.bus.emit('library:progress', p)
    if (p.state === 'idle') {
      ctx.tasks.end('library-import')
      ctx.desktop.setProgress(null)
      return
    }
    const settled = p.done + p.failed + p.skipped
    const fraction = p.discovered > 0 && !p.discovering ? settled / p.discovered : null
    const detail =
      p.state === 'paused'
        ? `Paused · ${settled} of ${p.discovered}`
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
        env: options.workerEnv,
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
    handlers: {
      'library:import': ({ paths, urls }) => {
        if (paths.length === 0 && urls.length === 0)
          throw new AppFailure('invalid_params', 'Choose at least one file, folder or URL.')
        return queue.add(paths, urls)
      },
      'library:import-dialog': async () => {
        const chosen = await ctx.desktop.chooseImportSources()
        if (chosen.length) queue.add(chosen, [])
        return { chosen: chosen.length }
      },
      'library:progress': () => queue.progress(),
      'library:pause': () => queue.pause(),
      'library:resume': () => queue.resume(),
      'library:cancel': () => queue.cancel(),
      'library:failures': ({ offset, limit }) => {
        const { total, items } = jobs.failures(offset, limit)
        return {
          total,
          items: items.map((j) => ({
            jobId: j.id,
            source: j.source,
            name: displayName(j.source),
            state: j.state as 'failed' | 'skipped',
            code: (j.code ?? 'corrupt') as never,
            reason: j.reason ?? 'Unknown reason.',
            isUrl: j.kind === 'url',
            at: j.updated_at
          }))
        }
      },
      'library:retry': ({ jobIds }) => queue.retry(jobIds ?? null),
      'library:dismiss-failures': () => ({ dismissed: jobs.dismissFailures() }),
      'library:show-in-folder': ({ jobId, photoId }) => {
        const path = photoId ? photos.path(photoId) : jobId ? (jobs.get(jobId)?.path ?? null) : null
        if (!path) throw new AppFailure('not_found', 'That file is not known to the library.')
        ctx.desktop.showItemInFolder(path)
        return { shown: true }
      },
      'library:list': (q) => photos.list(q),
      'library:photo': ({ id }) => {
        const photo = photos.get(id)
        if (!photo) throw new AppFailure('not_found', 'That photo is no longer in the library.')
        return photo
      },
      'library:remove': ({ ids }) => {
        const removed = photos.remove(ids)
        assets.deleteOrphans()
        if (removed) ctx.bus.emit('library:changed', { revision: ++revision, added: 0, removed })
        return { removed }
      },
      'library:facets': () => photos.facets()
    },
    start: () => {
      queue.start()
      backfill = backfillSimilar(ctx.db)
      backfill.done.then(
        (pairs) => {
          if (pairs) ctx.log.info('near-duplicates found in earlier imports', { pairs })
        },
        (error: unknown) => ctx.log.warn('near-duplicate backfill failed', { error: String(error) })
      )
    },
    close: () => {
      backfill?.stop()
      return queue.close()
    }
  }
}
