import { useCallback, useState } from 'react'
import type { Undoable } from '../../components/UndoNotice'
import { useApiMutation } from '../../data/api-query'
import { errorText } from '../../lib/api'
import { plural } from './format'

export interface Removal extends Undoable {
  ids: number[]
}

/** "Photo X" or "3 photos": how a removal is named in its notice. */
export const removalLabel = (ids: readonly number[], name?: string): string =>
  ids.length === 1 && name ? name : plural(ids.length, 'photo')

/**
 * Remove from library = move to the library's Trash, with Undo (the notice's button, or
 * Ctrl/Cmd+Z) putting the photos back exactly as they were. Files on disk are not touched.
 */
export function useRemoval() {
  const { mutateAsync: remove } = useApiMutation('library:remove')
  const { mutateAsync: restore } = useApiMutation('library:restore')
  const [last, setLast] = useState<Removal | null>(null)
  const [error, setError] = useState<string | null>(null)

  const removeIds = useCallback(
    async (ids: number[], label: string): Promise<boolean> => {
      if (ids.length === 0) return false
      setError(null)
      try {
        const { removed } = await remove({ ids })
        setLast({
          ids,
          key: Date.now(),
          message:
            removed === ids.length
              ? `Moved ${label} to the Trash.`
              : `Moved ${plural(removed, 'photo')} to the Trash (the others were already gone).`
        })
        return true
      } catch (e) {
        setError(`Not removed: ${errorText(e)}`)
        return false
      }
    },
    [remove]
  )

  const undo = useCallback(
    async (removal: Removal): Promise<void> => {
      setLast(null)
      try {
        await restore({ ids: removal.ids })
      } catch (e) {
        setError(`Could not put the photos back: ${errorText(e)}`)
      }
    },
    [restore]
  )

  return {
    last,
    error,
    removeIds,
    undo,
    dismiss: useCallback(() => setLast(null), []),
    dismissError: useCallback(() => setError(null), [])
  }
}
