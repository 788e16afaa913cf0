import { useCallback, useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiInfiniteQuery } from '../../data/api-infinite-query'
import { useApiMutation } from '../../data/api-query'
import { call, errorText } from '../../lib/api'
import { plural } from './format'
import { PhotoGrid } from './PhotoGrid'
import { SelectionBar } from './SelectionBar'
import { StatusNote } from './StatusNote'
import type { IdPage } from './selection'
import { useGridSelection } from './use-grid-selection'
import { useThumbSize } from './use-thumb-size'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'

const PAGE = 120

/**
 * The library's Trash: photos removed from the library, most recent first, until it is
 * emptied. Restore puts them back as they were; emptying forgets them (after a confirmation).
 * Files on disk are never touched here.
 */
export function TrashPane() {
  const pages = useApiInfiniteQuery('library:trash', {}, { pageSize: PAGE, deferRendering: true })
  const { rowAt, ensure } = pages
  const total = pages.total ?? 0
  const [thumbSize] = useThumbSize()
  const [confirm, setConfirm] = useState<'picked' | 'all' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const idAt = useCallback((i: number) => rowAt(i)?.id, [rowAt])
  const idPage = useCallback<IdPage>(async (window) => {
    const r = await call('library:trash', window)
    return { ids: r.items.map((p) => p.id), next: r.next }
  }, [])
  const selection = useGridSelection({
    total,
    idAt,
    page: idPage,
    onOpen: null,
    keysEnabled: confirm === null,
    resetOn: 'trash'
  })
  const picked = selection.selection.ids

  const { mutateAsync: restore } = useApiMutation('library:restore')
  const { mutateAsync: empty, isPending: emptying } = useApiMutation('library:empty-trash')

  const restorePicked = async (): Promise<void> => {
    setError(null)
    try {
      const { restored } = await restore({ ids: [...picked] })
      selection.clear()
      setNote(`Put ${plural(restored, 'photo')} back in the library.`)
    } catch (e) {
      setError(`Not restored: ${errorText(e)}`)
    }
  }
  const deleteForGood = async (): Promise<void> => {
    setError(null)
    try {
      const { deleted } = await empty(confirm === 'all' ? {} : { ids: [...picked] })
      selection.clear()
      setNote(`Deleted ${plural(deleted, 'photo')} from the library for good.`)
    } catch (e) {
      setError(`Not deleted: ${errorText(e)}`)
    } finally {
      setConfirm(null)
    }
  }
  const n = confirm === 'all' ? total : picked.size

  return (
    <>
      {picked.size > 0 || selection.busy ? (
        <SelectionBar
          count={picked.size}
          total={total}
          busy={selection.busy}
          error={selection.error}
          onSelectAll={() => void selection.selectAll()}
          onClear={selection.clear}
        >
          <button type="button" className={buttons.primary} onClick={() => void restorePicked()}>
            Restore
          </button>
          <button type="button" className={buttons.danger} onClick={() => setConfirm('picked')}>
            Delete for good…
          </button>
        </SelectionBar>
      ) : (
        <div
          className={layout.toolbar}
          role="toolbar"
          aria-label="Trash"
          style={{ marginBottom: 0 }}
        >
          <span className={text.muted}>
            Removed photos stay here until you empty the Trash. Files on disk are not touched. Click
            photos to select them.
          </span>
          <span className={layout.spacer} />
          <span className={text.muted}>{plural(total, 'photo')}</span>
          <button
            type="button"
            className={buttons.danger}
            disabled={total === 0}
            onClick={() => setConfirm('all')}
          >
            Empty Trash…
          </button>
        </div>
      )}
      {error && <ErrorNotice error={new Error(error)} onDismiss={() => setError(null)} />}
      <StatusNote note={note} onDismiss={() => setNote(null)} />
      {pages.query.error && (
        <ErrorNotice error={pages.query.error} what="The Trash could not be read" />
      )}
      {pages.total === null ? null : total > 0 ? (
        <PhotoGrid
          label="Trash"
          total={total}
          item={rowAt}
          ensure={ensure}
          onActivate={selection.activate}
          focusIndex={null}
          targetSize={thumbSize}
          months={null}
          selected={picked}
        />
      ) : (
        <EmptyState title="The Trash is empty">
          <p>Photos you remove from the library wait here, so a removal can be taken back.</p>
        </EmptyState>
      )}
      {confirm && (
        <ConfirmDialog
          title={
            confirm === 'all'
              ? `Empty the Trash (${plural(n, 'photo')})?`
              : `Delete ${plural(n, 'photo')} for good?`
          }
          confirmLabel={confirm === 'all' ? 'Empty Trash' : `Delete ${plural(n, 'photo')}`}
          busy={emptying}
          onConfirm={() => void deleteForGood()}
          onCancel={() => setConfirm(null)}
        >
          <p>
            {plural(n, 'photo')} will be forgotten by the library, with {n === 1 ? 'its' : 'their'}{' '}
            thumbnails and previews. This cannot be undone.
          </p>
          <p className={text.muted}>The original files on disk stay where they are.</p>
        </ConfirmDialog>
      )}
    </>
  )
}
