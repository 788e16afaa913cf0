import { AppFailure, type DuplicateChannel } from '@shared/contract'
import type { Db } from '../platform/store/database'
import type { Handlers } from '../platform/ipc/router'
import { DuplicateGroups, dismissNotDuplicates } from './store/duplicate-groups'
import { ID_LIST, idList } from './store/photo-rows'

export interface DuplicateParts {
  readonly db: Db
  /** Tells the window the library changed (a group left the review). */
  readonly changed: (change: { added: number; removed: number }) => void
  readonly now: () => number
}

/** The duplicate review's requests: groups to compare, and "these are not duplicates". */
export function duplicateHandlers({
  db,
  changed,
  now
}: DuplicateParts): Handlers<DuplicateChannel> {
  const groups = new DuplicateGroups(db)
  const live = db.prepare<[string], { n: number }>(
    `SELECT count(DISTINCT hash) AS n FROM library_photos
     WHERE trashed_at IS NULL AND id IN ${ID_LIST}`
  )
  return {
    'library:duplicate-groups': ({ offset, limit }) => groups.list(offset, limit),
    'library:duplicate-group-of': ({ id }) => groups.of(id),
    'library:not-duplicates': ({ ids }) => {
      const contents = live.get(idList(ids))?.n ?? 0
      if (contents === 0)
        throw new AppFailure('not_found', 'Those photos are no longer in the library.')
      if (contents === 1)
        throw new AppFailure(
          'conflict',
          'These are copies of one file, so they stay duplicates. Keep one and remove the others.'
        )
      const remembered = dismissNotDuplicates(db, ids, now())
      // The group leaves the review, the Duplicates filter and the lightbox's count.
      changed({ added: 0, removed: 0 })
      return { remembered }
    }
  }
}
