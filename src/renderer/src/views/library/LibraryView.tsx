import { useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { FailureList } from './FailureList'
import { ImportProgressPanel } from './ImportProgressPanel'
import { ImportSources } from './ImportSources'
import { Lightbox } from './Lightbox'
import { LibraryToolbar } from './LibraryToolbar'
import { PhotoGrid } from './PhotoGrid'
import { useImportProgress } from './use-import-progress'
import { usePhotoPages, type PhotoQuery } from './use-photo-pages'
import './library.css'

/** The photo library: import, progress, failures, and a gallery that stays smooth at 10,000+. */
export function LibraryView() {
  const [progress, setProgress] = useImportProgress()
  const [query, setQuery] = useState<PhotoQuery>({ sort: 'taken', descending: true, filter: {} })
  const { total, item, reload } = usePhotoPages(query)
  const [open, setOpen] = useState<number | null>(null)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)

  const close = (): void => {
    setFocusIndex(open)
    setOpen(null)
  }
  const filtered = Object.keys(query.filter).length > 0
  const count = total ?? 0

  return (
    <div className="library">
      <header className="library-header">
        <h1>Library</h1>
        <span className="spacer" />
        <ImportSources onProgress={setProgress} />
      </header>
      <ImportProgressPanel progress={progress} onChange={setProgress} />
      <FailureList progress={progress} onProgress={setProgress} />
      {(count > 0 || filtered) && (
        <LibraryToolbar query={query} onChange={setQuery} total={total} />
      )}
      {total === null ? null : count > 0 ? (
        <PhotoGrid total={count} item={item} onOpen={setOpen} focusIndex={focusIndex} />
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
            reload()
            if (count <= 1) setOpen(null)
            else if (open >= count - 1) setOpen(open - 1)
          }}
        />
      )}
    </div>
  )
}
