import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { UndoNotice } from '../../components/UndoNotice'
import { useApiQuery } from '../../data/api-query'
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

type Tab = 'photos' | 'trash'

/**
 * The photo library: import and its progress, then the grid, which takes the rest of the
 * window's height. Photos and Trash are two tabs; a removal from either the grid or the
 * lightbox can be undone from the notice at the bottom.
 */
export function LibraryView() {
  const { progress, error: progressError } = useImportProgress()
  const [tab, setTab] = useState<Tab>('photos')
  const removal = useRemoval()
  // How many photos wait in the Trash (the tab says it).
  const trash = useApiQuery('library:trash', { offset: 0, limit: 1 })
  const inTrash = trash.data?.total ?? 0

  return (
    <div className={styles.library}>
      <header className={styles.header}>
        <h1>Library</h1>
        <div className={styles.tabs} role="tablist" aria-label="Library views">
          {(['photos', 'trash'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={styles.tab}
              onClick={() => setTab(t)}
            >
              {t === 'photos' ? 'Photos' : 'Trash'}
              {t === 'trash' && inTrash > 0 && (
                <span className={styles.tabCount}>{formatCount(inTrash)}</span>
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
      {tab === 'photos' && <PhotoWeatherPanel />}
      {removal.error && (
        <ErrorNotice error={new Error(removal.error)} onDismiss={removal.dismissError} />
      )}
      <div
        className={styles.pane}
        role="tabpanel"
        aria-label={tab === 'photos' ? 'Photos' : 'Trash'}
      >
        {tab === 'photos' ? (
          <PhotosPane importing={progress.state !== 'idle'} onRemove={removal.removeIds} />
        ) : (
          <TrashPane />
        )}
      </div>
      <UndoNotice
        action={removal.last}
        onUndo={(r) => void removal.undo(r)}
        onDismiss={removal.dismiss}
      />
    </div>
  )
}
