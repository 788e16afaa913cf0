import type { ImportProgress } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProgressBar } from '../../components/ProgressBar'
import { useApiMutation } from '../../data/api-query'
import { formatCount, plural } from './format'
import { phaseLine, previewsFailedText, timingText } from './import-words'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './ImportProgressPanel.module.css'

/**
 * Where the running import stands, with pause, resume and cancel. Thumbnails first: the bar
 * follows phase 1 (the grid fills); the previews that follow are shown at lower emphasis,
 * since the photos are already there.
 */
export function ImportProgressPanel({ progress }: { progress: ImportProgress }) {
  // Their answers are the new progress: the result table puts it in the cache.
  const actions = {
    'library:pause': useApiMutation('library:pause'),
    'library:resume': useApiMutation('library:resume'),
    'library:cancel': useApiMutation('library:cancel')
  }
  const failed = Object.values(actions).find((a) => a.error)?.error
  if (progress.state === 'idle') return null
  const p = progress
  const paused = p.state === 'paused'
  const previews = p.phase === 'previews'
  const line = phaseLine(p)
  const timing = timingText(p)
  const act = (channel: keyof typeof actions) => () => {
    // One failure shown at a time: the last action's.
    for (const a of Object.values(actions)) a.reset()
    actions[channel].mutate({})
  }

  return (
    <section className={`${styles.panel} ${layout.card}`} aria-label="Import progress">
      <div className={styles.head}>
        <strong>{paused ? 'Import paused' : 'Importing photos'}</strong>
        <span
          className={`${styles.phase} ${previews ? styles.quiet : ''}`}
          data-phase={previews ? 'previews' : 'thumbnails'}
        >
          <span className={styles.phaseLabel}>{line.label}</span>
          <span className={styles.phaseCount}>{line.count}</span>
          {previews && <span>— photos are already in the grid</span>}
        </span>
        <span className={text.muted} aria-live="polite">
          {timing}
        </span>
        <span className={layout.spacer} />
        {paused ? (
          <button type="button" className={buttons.primary} onClick={act('library:resume')}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={act('library:pause')}>
            Pause
          </button>
        )}
        <button type="button" className={buttons.danger} onClick={act('library:cancel')}>
          Cancel
        </button>
      </div>
      {failed && <ErrorNotice error={failed} what="The import could not be changed" />}
      <div className={previews ? styles.quiet : undefined}>
        <ProgressBar
          value={line.fraction}
          label={previews ? 'Previews progress' : 'Import progress'}
        />
      </div>
      {(p.previewsFailed ?? 0) > 0 && (
        <p className={`${text.small} ${text.muted}`}>{previewsFailedText(p.previewsFailed!)}</p>
      )}
      <dl className={styles.counts}>
        <div>
          <dt>Added</dt>
          <dd>{formatCount(p.done)}</dd>
        </div>
        {p.duplicates > 0 && (
          <div>
            <dt>Copies linked</dt>
            <dd>{formatCount(p.duplicates)}</dd>
          </div>
        )}
        <div>
          <dt>Failed</dt>
          <dd className={p.failed ? text.error : undefined}>{formatCount(p.failed)}</dd>
        </div>
        <div>
          <dt>Skipped</dt>
          <dd>{formatCount(p.skipped)}</dd>
        </div>
        {p.downloading > 0 && (
          <div>
            <dt>Downloading</dt>
            <dd>{formatCount(p.downloading)}</dd>
          </div>
        )}
        <div>
          <dt>Speed</dt>
          <dd>
            {p.perSecond > 0
              ? `${p.perSecond.toFixed(1)} ${previews ? 'previews' : 'images'}/s`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Workers</dt>
          <dd>{p.workers > 0 ? plural(p.workers, 'process', 'processes') : '—'}</dd>
        </div>
      </dl>
    </section>
  )
}
