import { useEffect, useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FailureList } from './FailureList'
import { ImportProgressPanel } from './ImportProgressPanel'
import { ImportSources } from './ImportSources'
import { Lightbox } from './Lightbox'
import { LibraryToolbar } from './LibraryToolbar'
import { PhotoGrid } from './PhotoGrid'
import { useImportProgress } from './use-import-progress'
import { usePhotoPages, type PhotoQuery } from './use-photo-pages'
import layout from '../../components/layout.module.css'
import styles from './LibraryView.module.css'

/** The photo library: import, progress, failures, and a gallery that stays smooth at 10,000+. */
export function LibraryView() {
  const { progress, error: progressError } = useImportProgress()
  const [query, setQuery] = useState<PhotoQuery>({ sort: 'taken', descending: true, filter: {} })
  const { total, item, ensure, error: listError } = usePhotoPages(query)
  const [open, setOpen] = useState<number | null>(null)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  // The lightbox can browse past the rows the grid has drawn.
  useEffect(() => {
    if (open !== null) ensure(open, open)
  }, [open, ensure])

  const close = (): void => {
    setFocusIndex(open)
    setOpen(null)
  }
  const filtered = Object.keys(query.filter).length > 0
  const count = total ?? 0

  return (
    <div className={styles.library}>
      <header className={styles.header}>
        <h1>Library</h1>
        <span className={layout.spacer} />
        <ImportSources />
      </header>
      {progressError && (
        <ErrorNotice error={progressError} what="The import's progress could not be read" />
      )}
      <ImportProgressPanel progress={progress} />
      <FailureList />
      {(count > 0 || filtered) && (
        <LibraryToolbar query={query} onChange={setQuery} total={total} />
      )}
      {listError && <ErrorNotice error={listError} what="The photos could not be listed" />}
      {total === null ? null : count > 0 ? (
        <PhotoGrid
          total={count}
          item={item}
          ensure={ensure}
          onOpen={setOpen}
          focusIndex={focusIndex}
        />
      ) : filtered ? (
        <EmptyState title="No photos match">
          <p>Try another folder, format or date range, or clear the filters.</p>
        </EmptyState>
      ) : progress.state === 'idle' ? (
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
          onMove={setOpen}
          onClose={close}
          onRemoved={() => {
            // The removal's answer has the list read again (data/invalidations.ts).
            if (count <= 1) setOpen(null)
            else if (open >= count - 1) setOpen(open - 1)
          }}
        />
      )}
    </div>
  )
}
