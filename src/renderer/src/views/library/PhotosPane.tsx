import { useCallback, useEffect, useState } from 'react'
import type { PhotoSummary } from '@shared/contract/library'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation } from '../../data/api-query'
import { errorText } from '../../lib/api'
import { plural } from './format'
import { indexOfPhoto } from './follow-photo'
import { Lightbox } from './Lightbox'
import { LibraryToolbar } from './LibraryToolbar'
import { PhotoGrid } from './PhotoGrid'
import { SelectionBar } from './SelectionBar'
import { SetPlaceButton } from '../photo-weather/SetPlaceButton'
import { useGridSelection } from './use-grid-selection'
import { usePhotoPages, useTimeline, type PhotoQuery } from './use-photo-pages'
import { removalLabel } from './use-removal'
import { useThumbSize } from './use-thumb-size'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'

/**
 * The library's photos: toolbar (or the selection's actions), the grid in month sections with
 * its timeline, and the lightbox. Removing goes through `onRemove` (to the Trash, with Undo).
 */
export function PhotosPane({
  importing,
  onRemove
}: {
  importing: boolean
  onRemove(ids: number[], label: string): Promise<boolean>
}) {
  const [query, setQuery] = useState<PhotoQuery>({ sort: 'taken', descending: true, filter: {} })
  const { total, item, idAt, idPage, ensure, error: listError } = usePhotoPages(query)
  const { months, error: timelineError } = useTimeline(query)
  const [thumbSize, setThumbSize] = useThumbSize()
  const [open, setOpen] = useState<number | null>(null)
  // The open photo, by id: the lightbox stays on it while an import adds photos above it.
  const [openId, setOpenId] = useState<number | null>(null)
  const openAt = useCallback(
    (index: number | null) => {
      setOpen(index)
      setOpenId(index === null ? null : (item(index)?.id ?? null))
    },
    [item]
  )
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const [confirmFiles, setConfirmFiles] = useState(false)
  const [filesNote, setFilesNote] = useState<{ text: string; error: boolean } | null>(null)
  const count = total ?? 0

  const selection = useGridSelection({
    total: count,
    idAt,
    page: idPage,
    onOpen: openAt,
    keysEnabled: open === null && !confirmFiles,
    resetOn: JSON.stringify(query)
  })
  const picked = selection.selection.ids

  // The lightbox can browse past the rows the grid has drawn.
  useEffect(() => {
    if (open !== null) ensure(open, open)
  }, [open, ensure])
  // When the list changes under the open photo, move to where it is now; when it is gone (or
  // not known yet), follow the photo now shown. (Adjusted while rendering, as React advises for
  // state that follows other data: no extra frame showing the wrong photo.)
  const shownHere = open === null ? undefined : item(open)
  if (open !== null && shownHere && shownHere.id !== openId) {
    const now = openId === null ? null : indexOfPhoto(openId, open, count, item)
    if (now !== null) setOpen(now)
    else setOpenId(shownHere.id)
  }

  const close = (): void => {
    setFocusIndex(open)
    openAt(null)
  }

  const removePicked = async (): Promise<void> => {
    const ids = [...picked]
    const only = ids.length === 1 ? findName(ids[0]!, count, item) : undefined
    if (await onRemove(ids, removalLabel(ids, only))) selection.clear()
  }

  const { mutateAsync: trashFiles, isPending: trashing } = useApiMutation('library:trash-files')
  const moveFiles = async (): Promise<void> => {
    const ids = [...picked]
    try {
      const { moved, failed } = await trashFiles({ ids })
      setConfirmFiles(false)
      selection.clear()
      const gone = `Moved ${plural(moved, 'file')} to the system trash`
      setFilesNote({
        error: failed.length > 0,
        text:
          failed.length === 0
            ? `${gone}; the photos are in the library's Trash.`
            : `${gone}. ${plural(failed.length, 'file')} not moved: ${failed
                .slice(0, 3)
                .map((f) => `${f.name} (${f.reason})`)
                .join('; ')}${failed.length > 3 ? '…' : ''}`
      })
    } catch (e) {
      setConfirmFiles(false)
      setFilesNote({ error: true, text: `Files not moved: ${errorText(e)}` })
    }
  }

  const onRemoved = useCallback(
    (index: number) => {
      // The list is read again (data/invalidations.ts); stay at the same place in it, and
      // follow whichever photo is shown there then.
      setOpenId(null)
      if (count <= 1) setOpen(null)
      else if (index >= count - 1) setOpen(index - 1)
    },
    [count]
  )

  const filtered = Object.keys(query.filter).length > 0
  return (
    <>
      {(count > 0 || filtered) &&
        (picked.size > 0 || selection.busy ? (
          <SelectionBar
            count={picked.size}
            total={count}
            busy={selection.busy}
            error={selection.error}
            onSelectAll={() => void selection.selectAll()}
            onClear={selection.clear}
          >
            <button type="button" className={buttons.danger} onClick={() => void removePicked()}>
              Remove from library
            </button>
            <button type="button" onClick={() => setConfirmFiles(true)}>
              Move files to system trash…
            </button>
            <SetPlaceButton ids={[...picked]} />
          </SelectionBar>
        ) : (
          <LibraryToolbar
            query={query}
            onChange={setQuery}
            total={total}
            thumbSize={thumbSize}
            onThumbSize={setThumbSize}
          />
        ))}
      {filesNote?.error && (
        <ErrorNotice error={new Error(filesNote.text)} onDismiss={() => setFilesNote(null)} />
      )}
      {filesNote && !filesNote.error && (
        <p className={text.muted} role="status">
          {filesNote.text}{' '}
          <button type="button" className={buttons.link} onClick={() => setFilesNote(null)}>
            OK
          </button>
        </p>
      )}
      {listError && <ErrorNotice error={listError} what="The photos could not be listed" />}
      {timelineError && (
        <ErrorNotice compact error={timelineError} what="The months could not be read" />
      )}
      {total === null ? null : count > 0 ? (
        <PhotoGrid
          label="Photos"
          total={count}
          item={item}
          ensure={ensure}
          onActivate={selection.activate}
          focusIndex={focusIndex}
          targetSize={thumbSize}
          months={months}
          selected={picked}
        />
      ) : filtered ? (
        <EmptyState title="No photos match">
          <p>Try another folder, format or date range, or clear the filters.</p>
        </EmptyState>
      ) : !importing ? (
        <EmptyState title="Your library is empty">
          <p>
            Add photos with the button above, drop folders or files onto this window, or paste a
            list of image URLs. Thumbnails are made in the background, on every core.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title="Importing…">
          <p>Photos appear here as soon as their thumbnails are ready.</p>
        </EmptyState>
      )}
      {open !== null && open < count && (
        <Lightbox
          index={open}
          total={count}
          item={item}
          onMove={openAt}
          onClose={close}
          onRemove={async (photo) => {
            if (await onRemove([photo.id], photo.name)) onRemoved(open)
          }}
        />
      )}
      {confirmFiles && (
        <ConfirmDialog
          title={`Move ${plural(picked.size, 'file')} to the system trash?`}
          confirmLabel={`Move ${plural(picked.size, 'file')} to the system trash`}
          busy={trashing}
          onConfirm={() => void moveFiles()}
          onCancel={() => setConfirmFiles(false)}
        >
          <p>
            The original {picked.size === 1 ? 'file' : 'files'} of {plural(picked.size, 'photo')}{' '}
            will be moved to your system&apos;s trash, and the photos to the library&apos;s Trash.
          </p>
          <p className={text.muted}>
            You can get the files back from the system trash until it is emptied.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}

/** The name of a photo the grid holds, for "Moved IMG_1.jpg to the Trash." */
function findName(
  id: number,
  count: number,
  item: (i: number) => PhotoSummary | undefined
): string | undefined {
  for (let i = 0; i < count; i++) {
    const p = item(i)
    if (p?.id === id) return p.name
    if (i > 5000) break
  }
  return undefined
}
