import type { ImportProgress } from '@shared/contract/library'
import { ProgressBar } from '../../components/ProgressBar'
import { call } from '../../lib/api'
import { formatCount, formatDuration, plural } from './format'

/** Where the running import stands, with pause, resume and cancel. */
export function ImportProgressPanel({
  progress,
  onChange
}: {
  progress: ImportProgress
  onChange(p: ImportProgress): void
}) {
  if (progress.state === 'idle') return null
  const p = progress
  const settled = p.done + p.failed + p.skipped
  const fraction = p.discovered > 0 ? settled / p.discovered : null
  const paused = p.state === 'paused'
  const act = (channel: 'library:pause' | 'library:resume' | 'library:cancel') => () =>
    call(channel, {})
      .then(onChange)
      .catch(() => undefined)

  let timing: string
  if (paused) timing = 'Paused'
  else if (p.discovering) timing = 'Finding photos…'
  else if (p.etaSeconds !== null && p.perSecond > 0)
    timing = `about ${formatDuration(p.etaSeconds)} left`
  else timing = 'Starting…'

  return (
    <section className="import-panel card" aria-label="Import progress">
      <div className="import-head">
        <strong>{paused ? 'Import paused' : 'Importing photos'}</strong>
        <span className="muted" aria-live="polite">
          {timing}
        </span>
        <span className="spacer" />
        {paused ? (
          <button type="button" className="primary" onClick={act('library:resume')}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={act('library:pause')}>
            Pause
          </button>
        )}
        <button type="button" className="danger" onClick={act('library:cancel')}>
          Cancel
        </button>
      </div>
      <ProgressBar
        value={p.discovering && fraction === 0 ? null : fraction}
        label="Import progress"
      />
      <dl className="import-counts">
        <div>
          <dt>Processed</dt>
          <dd>
            {formatCount(settled)} of {formatCount(p.discovered)}
            {p.discovering ? '+' : ''}
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatCount(p.done)}</dd>
        </div>
        {p.duplicates > 0 && (
          <div>
            <dt>Duplicates linked</dt>
            <dd>{formatCount(p.duplicates)}</dd>
          </div>
        )}
        <div>
          <dt>Failed</dt>
          <dd className={p.failed ? 'error-text' : undefined}>{formatCount(p.failed)}</dd>
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
          <dd>{p.perSecond > 0 ? `${p.perSecond.toFixed(1)} images/s` : '—'}</dd>
        </div>
        <div>
          <dt>Workers</dt>
          <dd>{p.workers > 0 ? plural(p.workers, 'process', 'processes') : '—'}</dd>
        </div>
      </dl>
    </section>
  )
}
