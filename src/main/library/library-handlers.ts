import { AppFailure, type LibraryChannel } from '@shared/contract'
import { displayName } from '@shared/library/sources'
import type { DesktopBridge } from '../platform/desktop'
import type { Handlers } from '../platform/ipc/router'
import { requireGranted } from '../security/granted-paths'
import type { PathGrants } from '../security/path-grants'
import type { ImportQueue } from './import/import-queue'
import type { AssetRepository } from './store/asset-repository'
import type { JobRepository } from './store/job-repository'
import type { PhotoRepository } from './store/photo-repository'

export interface LibraryParts {
  readonly queue: ImportQueue
  readonly photos: PhotoRepository
  readonly jobs: JobRepository
  readonly assets: AssetRepository
  readonly desktop: DesktopBridge
  /** Paths the window may name: the dialog's answers are added, every import is checked. */
  readonly grants: PathGrants
  /** Tells the window that `removed` photos left the library. */
  readonly changed: (removed: number) => void
}

/** The library's requests, each checked against the contract. */
export function libraryHandlers(parts: LibraryParts): Handlers<LibraryChannel> {
  const { queue, photos, jobs, assets, desktop, grants, changed } = parts
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
      desktop.showItemInFolder(path)
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
      if (removed) changed(removed)
      return { removed }
    },
    'library:facets': () => photos.facets()
  }
}
