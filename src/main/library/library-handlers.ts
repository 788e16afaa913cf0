import { access } from 'node:fs/promises'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { AppFailure, type DuplicateChannel, type LibraryChannel } from '@shared/contract'
import type { ListCursor, SortKey } from '@shared/contract/library'
import { displayName } from '@shared/library/sources'
import type { DesktopBridge } from '../platform/desktop'
import type { Logger } from '../platform/log'
import type { Handlers } from '../platform/ipc/router'
import { requireGranted } from '../security/granted-paths'
import type { PathGrants } from '../security/path-grants'
import type { ImportQueue } from './import/import-queue'
import type { AssetRepository } from './store/asset-repository'
import type { BatchReports } from './store/batch-reports'
import type { JobRepository } from './store/job-repository'
import type { PhotoRepository } from './store/photo-repository'

export interface LibraryParts {
  readonly queue: ImportQueue
  readonly photos: PhotoRepository
  readonly jobs: JobRepository
  /** Batches' summaries and failures. */
  readonly reports: BatchReports
  readonly assets: AssetRepository
  readonly desktop: DesktopBridge
  /** Paths the window may name: the dialog's answers are added, every import is checked. */
  readonly grants: PathGrants
  /** Tells the window that photos came into (`added`) or left (`removed`) the library. */
  readonly changed: (change: { added: number; removed: number }) => void
  /** Deletes cached files of contents that left for good, once no import can be using them. */
  readonly sweep: () => void
  readonly now: () => number
  readonly log: Logger
}

/** Ids per transaction when many photos change at once: each slice stays well under a frame. */
const SLICE = 100

/** Applies `change` to the ids slice by slice, letting other work run in between. */
async function sliced(
  ids: readonly number[],
  change: (slice: number[]) => number
): Promise<number> {
  let changed = 0
  for (let i = 0; i < ids.length; i += SLICE) {
    if (i > 0) await yieldToLoop()
    changed += change(ids.slice(i, i + SLICE))
  }
  return changed
}

/** A cursor's value must be of the sort key's kind: text for names, a number otherwise. */
function checkCursor(sort: SortKey | 'trash', after: ListCursor | undefined): void {
  if (after && typeof after.value !== (sort === 'name' ? 'string' : 'number'))
    throw new AppFailure('invalid_params', 'That position does not belong to this sort order.')
}

/** The library's requests, each checked against the contract (the duplicate review's aside). */
export function libraryHandlers(
  parts: LibraryParts
): Handlers<Exclude<LibraryChannel, DuplicateChannel>> {
  const { queue, photos, jobs, reports, assets, desktop, grants, changed, sweep, now } = parts
  return {
    'library:import': async ({ paths, urls }) => {
      if (paths.length === 0 && urls.length === 0)
        throw new AppFailure('invalid_params', 'Choose at least one file, folder or URL.')
      return queue.add(await requireGranted(grants, paths), urls)
    },
    'library:import-dialog': async () => {
      // The native dialog answers main directly: what the user picked there is theirs to name.
      const chosen = await desktop.chooseImportSources()
      for (const path of chosen) grants.grant(path)
      if (chosen.length) queue.add(chosen, [])
      return { chosen: chosen.length }
    },
    'library:progress': () => queue.progress(),
    'library:pause': () => queue.pause(),
    'library:resume': () => queue.resume(),
    'library:cancel': () => queue.cancel(),
    'library:failures': ({ batchId, offset, limit }) => {
      const { total, items } = reports.failures(batchId ?? null, offset, limit)
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
    'library:retry': ({ jobIds, batchId }) => {
      // Only real failures: a skipped file (unsupported, already there) is not read again.
      const ids = jobIds
        ? jobIds.filter((id) => {
            const job = jobs.get(id)
            return job?.state === 'failed' && (batchId === undefined || job.batch_id === batchId)
          })
        : reports.failedIds(batchId ?? null)
      // Nothing to retry starts no batch, so no empty report follows.
      return ids.length > 0 ? queue.retry(ids) : queue.progress()
    },
    'library:dismiss-failures': () => {
      reports.dismissEnded()
      return { dismissed: jobs.dismissFailures() }
    },
    'library:batches': ({ limit, includeDismissed }) => ({
      items: reports.list(limit, includeDismissed)
    }),
    'library:dismiss-batch': ({ batchId }) => {
      const report = reports.get(batchId)
      if (!report) throw new AppFailure('not_found', 'That import is no longer known.')
      if (report.state === 'running' || report.state === 'paused')
        throw new AppFailure(
          'invalid_params',
          'That import is still running; its report can be dismissed once it ends.'
        )
      return { dismissed: report.dismissed || reports.dismiss(batchId) }
    },
    'library:show-in-folder': ({ jobId, photoId }) => {
      const path = photoId ? photos.path(photoId) : jobId ? (jobs.get(jobId)?.path ?? null) : null
      if (!path) throw new AppFailure('not_found', 'That file is not known to the library.')
      desktop.showItemInFolder(path)
      return { shown: true }
    },
    'library:list': (q) => {
      checkCursor(q.sort, q.after)
      return photos.list(q)
    },
    'library:timeline': ({ sort, descending, filter }) => photos.timeline(sort, descending, filter),
    'library:photo': ({ id }) => {
      const photo = photos.get(id)
      if (!photo) throw new AppFailure('not_found', 'That photo is no longer in the library.')
      return photo
    },
    'library:want-preview': ({ photoId }) => {
      const path = photos.path(photoId)
      return { queued: path !== null && queue.wantPreview(path) }
    },
    'library:remove': async ({ ids }) => {
      const at = now()
      const removed = await sliced(ids, (slice) => photos.remove(slice, at))
      if (removed) changed({ added: 0, removed })
      return { removed }
    },
    'library:restore': async ({ ids }) => {
      const restored = await sliced(ids, (slice) => photos.restore(slice))
      if (restored) changed({ added: restored, removed: 0 })
      return { restored }
    },
    'library:trash': (q) => {
      checkCursor('trash', q.after)
      return photos.trash(q)
    },
    'library:empty-trash': async ({ ids }) => {
      // Without ids: what is in the Trash now, not what is removed while it empties.
      const deleted = await sliced(ids ?? photos.trashedIds(), (slice) => {
        const gone = photos.emptyTrash(slice)
        assets.deleteOrphans(gone.hashes)
        return gone.deleted
      })
      if (deleted) {
        sweep()
        changed({ added: 0, removed: 0 })
      }
      return { deleted }
    },
    'library:trash-files': async ({ ids }) => {
      const files = photos.files(ids)
      const { moved, failed } = await trashFiles(files, desktop, parts.log)
      const known = new Set(files.map((f) => f.id))
      for (const id of ids)
        if (!known.has(id))
          failed.push({
            id,
            name: `Photo ${id}`,
            reason: 'That photo is no longer in the library.'
          })
      const at = now()
      const removed = await sliced(moved, (slice) => photos.remove(slice, at))
      if (removed) changed({ added: 0, removed })
      return { moved: moved.length, failed }
    },
    'library:facets': () => photos.facets()
  }
}

const NO_SYSTEM_TRASH =
  'Moving files to the system trash is not available in the browser version. ' +
  'Use the desktop app, or delete the files in your file manager.'

/**
 * Moves each file to the OS trash, one at a time; a file that cannot be moved is reported with
 * its reason and the others go on. Without a system trash (the browser version) nothing is moved.
 */
async function trashFiles(
  files: readonly { id: number; path: string; name: string }[],
  desktop: DesktopBridge,
  log: Logger
): Promise<{ moved: number[]; failed: { id: number; name: string; reason: string }[] }> {
  const moved: number[] = []
  const failed: { id: number; name: string; reason: string }[] = []
  for (const { id, path, name } of files) {
    try {
      await access(path)
    } catch {
      failed.push({ id, name, reason: 'The file is not there any more (moved or deleted).' })
      continue
    }
    try {
      if (await desktop.trashItem(path)) moved.push(id)
      else throw new AppFailure('unavailable', NO_SYSTEM_TRASH)
    } catch (error) {
      if (error instanceof AppFailure) throw error
      // The OS's message names the file: only its code goes to the log.
      log.warn('a file was not moved to the system trash', {
        code: (error as NodeJS.ErrnoException)?.code ?? 'unknown'
      })
      failed.push({ id, name, reason: 'The system did not move this file to the trash.' })
    }
  }
  return { moved, failed }
}
