import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { UndoNotice } from '../../components/UndoNotice'
import { useApiQuery } from '../../data/api-query'
import { BatchSummaries } from './BatchSummary'
import { DuplicatesScope } from './DuplicatesLink'
import { DuplicatesPane } from './DuplicatesPane'
import { formatCount } from './format'
import { ImportProgressPanel } from './ImportProgressPanel'
import { ImportSources } from './ImportSources'
import { PhotoWeatherPanel } from '../photo-weather/PhotoWeatherPanel'
import { PhotosPane } from './PhotosPane'
import { TrashPane } from './TrashPane'
import { useImportProgress } from './use-import-progress'
import { useRemoval } from './use-removal'
import layout from '../../components/layout.module.css'
import styles from './LibraryView.module.css'

type Tab = 'photos' | 'duplicates' | 'trash'
const tabNames: Record<Tab, string> = { photos: 'Photos', duplicates: 'Duplicates', trash: 'Trash' }

/**
 * The photo library: import and its progress, then the grid, which takes the rest of the
 * window's height. Photos, Duplicates and Trash are tabs; a removal from the grid, the
 * lightbox or the duplicate review can be undone from the notice at the bottom.
 */
export function LibraryView() {
  const { progress, error: progressError } = useImportProgress()
  const [tab, setTab] = useState<Tab>('photos')
  const removal = useRemoval()
  // How many photos wait in the Trash (the tab says it).
  const trash = useApiQuery('library:trash', { offset: 0, limit: 1 })
  const inTrash = trash.data?.total ?? 0
  // Photos with a duplicate: the same count as the grid's filter (the query is shared).
  const facets = useApiQuery('library:facets', {})
  const counts: Partial<Record<Tab, number>> = {
    duplicates: facets.data?.duplicates ?? 0,
    trash: inTrash
  }
  // The lightbox's "N similar photos" opens the Duplicates tab at that photo's group.
  const [duplicatesOf, setDuplicatesOf] = useState<number | null>(null)
  const openDuplicates = (photoId: number): void => {
    setDuplicatesOf(photoId)
    setTab('duplicates')
  }
  const showTab = (t: Tab): void => {
    setDuplicatesOf(null)
    setTab(t)
  }

  return (
    <DuplicatesScope onOpen={openDuplicates} className={styles.library}>
      <header className={styles.header}>
        <h1>Library</h1>
        <div className={styles.tabs} role="tablist" aria-label="Library views">
          {(['photos', 'duplicates', 'trash'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={styles.tab}
              onClick={() => showTab(t)}
            >
              {tabNames[t]}
              {(counts[t] ?? 0) > 0 && (
                <span className={styles.tabCount}>{formatCount(counts[t]!)}</span>
              )}
            </button>
          ))}
        </div>
        <span className={layout.spacer} />
        <ImportSources />
      </header>
      {progressError && (
        <ErrorNotice error={progressError} what="The import's progress could not be read" />
      )}
      <ImportProgressPanel progress={progress} />
      <BatchSummaries />
      {tab === 'photos' && <PhotoWeatherPanel />}
      {removal.error && (
        <ErrorNotice error={new Error(removal.error)} onDismiss={removal.dismissError} />
      )}
      <div className={styles.pane} role="tabpanel" aria-label={tabNames[tab]}>
        {tab === 'photos' ? (
          <PhotosPane importing={progress.state !== 'idle'} onRemove={removal.removeIds} />
        ) : tab === 'duplicates' ? (
          <DuplicatesPane
            focusPhoto={duplicatesOf}
            onShowAll={() => setDuplicatesOf(null)}
            onRemove={removal.removeIds}
          />
        ) : (
          <TrashPane />
        )}
      </div>
      <UndoNotice
        action={removal.last}
        onUndo={(r) => void removal.undo(r)}
        onDismiss={removal.dismiss}
      />
    </DuplicatesScope>
  )
}
