import { useId, useState, type FormEvent } from 'react'
import { strategyLabels, type BenchRun } from '@shared/contract'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProgressBar } from '../../components/ProgressBar'
import { useRendererProbe } from '../../hooks/use-renderer-probe'
import { call, errorText } from '../../lib/api'
import { cx } from '../../lib/cx'
import { downloadText } from '../../lib/download'
import { ResultsTable } from './ResultsTable'
import { SpeedupChart } from './SpeedupChart'
import { useBench } from './use-bench'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './TestBoth.module.css'

const cores = navigator.hardwareConcurrency || 2

/** "Test both": run one batch in main, on threads and in worker processes, and compare. */
export function TestBoth() {
  const { runs, progress, loaded, error: runsError } = useBench()
  const [selected, setSelected] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  useRendererProbe(progress, setError)

  const shown: BenchRun | undefined =
    runs.find((r) => r.id === (selected ?? progress?.runId)) ?? runs[0]

  const exportRun = async (run: BenchRun, format: 'csv' | 'json'): Promise<void> => {
    try {
      const file = await call('bench:export', { runId: run.id, format })
      downloadText(file.filename, file.mimeType, file.text)
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className={styles.testBoth}>
      <RunForm running={progress !== null} onError={setError} onStarted={(id) => setSelected(id)} />
      {error && (
        <p className={layout.alert} role="alert">
          {error}
        </p>
      )}
      {runsError && <ErrorNotice error={runsError} what="Past runs could not be read" />}
      {progress && (
        <section className={layout.card} aria-label="Run in progress">
          <div className={layout.toolbar}>
            <strong>
              {progress.phase === 'preparing'
                ? 'Preparing the sample…'
                : `Running ${progress.index + 1} of ${progress.plans.length}: ${strategyLabels[progress.plans[progress.index]!.strategy]}${
                    progress.plans[progress.index]!.strategy === 'in-main'
                      ? ''
                      : ` × ${progress.plans[progress.index]!.workers}`
                  }`}
            </strong>
            <span className={text.muted}>
              {progress.total ? `${progress.done} / ${progress.total} images` : progress.detail}
            </span>
            <span className={layout.spacer} />
            <button
              type="button"
              className={buttons.danger}
              onClick={() =>
                call('bench:cancel', { runId: progress.runId }).catch((e) => setError(errorText(e)))
              }
            >
              Cancel run
            </button>
          </div>
          <ProgressBar
            value={progress.total ? progress.done / progress.total : null}
            label="Strategy progress"
          />
          <p className={`${text.muted} ${text.small}`}>
            The weather refresh and a scripted interaction run alongside, so each strategy&apos;s
            cost to the rest of the app is measured too.
          </p>
        </section>
      )}
      {shown ? (
        <section className={layout.card} aria-label="Run results">
          <div className={layout.toolbar}>
            <h2 className={styles.cardTitle}>
              Run {shown.id} — {shown.sampleLabel}
              {shown.jsStage && <span className={styles.pill}>+ JS stage</span>}
            </h2>
            <span className={cx(styles.pill, styles[shown.status])}>{shown.status}</span>
            <span className={layout.spacer} />
            <button type="button" onClick={() => void exportRun(shown, 'csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => void exportRun(shown, 'json')}>
              Export JSON
            </button>
          </div>
          {shown.note && <p className={text.muted}>{shown.note}</p>}
          {shown.results.length > 0 ? (
            <>
              <ResultsTable run={shown} />
              <SpeedupChart run={shown} />
            </>
          ) : (
            <p className={text.muted}>No strategy has finished yet.</p>
          )}
        </section>
      ) : (
        loaded && <p className={text.muted}>No runs yet. Pick a sample and run the comparison.</p>
      )}
      {runs.length > 1 && (
        <PastRuns runs={runs} selected={shown?.id ?? null} onSelect={setSelected} />
      )}
    </div>
  )
}

function RunForm({
  running,
  onError,
  onStarted
}: {
  running: boolean
  onError: (e: string | null) => void
  onStarted: (id: number) => void
}) {
  const id = useId()
  const [kind, setKind] = useState<'generated' | 'folder'>('generated')
  const [count, setCount] = useState(24)
  const [folder, setFolder] = useState('')
  const [maxWorkers, setMaxWorkers] = useState(cores)
  const [jsStage, setJsStage] = useState(false)
  const [withWeather, setWithWeather] = useState(true)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    onError(null)
    try {
      const sample = kind === 'generated' ? { kind, count } : { kind, path: folder.trim() }
      const { runId } = await call('bench:start', { sample, maxWorkers, jsStage, withWeather })
      onStarted(runId)
    } catch (err) {
      onError(errorText(err))
    }
  }

  return (
    <form
      className={`${layout.card} ${styles.runForm}`}
      onSubmit={(e) => void submit(e)}
      aria-label="New comparison"
    >
      <fieldset>
        <legend>Sample</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'generated'}
            onChange={() => setKind('generated')}
          />{' '}
          Generated photos
        </label>
        <label>
          <span className={text.visuallyHidden}>Number of generated photos</span>
          <input
            type="number"
            min={4}
            max={1000}
            value={count}
            disabled={kind !== 'generated'}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'folder'}
            onChange={() => setKind('folder')}
          />{' '}
          A folder
        </label>
        <label className={styles.grow}>
          <span className={text.visuallyHidden}>Folder path</span>
          <input
            type="text"
            placeholder="/path/to/photos"
            value={folder}
            disabled={kind !== 'folder'}
            onChange={(e) => setFolder(e.target.value)}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Strategies</legend>
        <span className={`${text.muted} ${text.small}`}>
          main process, worker threads × {cores}, worker processes × 1 to
        </span>
        <label>
          <span className={text.visuallyHidden}>Most worker processes</span>
          <input
            type="number"
            min={1}
            max={64}
            value={maxWorkers}
            onChange={(e) => setMaxWorkers(Number(e.target.value))}
          />
        </label>
        <label>
          <input type="checkbox" checked={jsStage} onChange={(e) => setJsStage(e.target.checked)} />{' '}
          Add a CPU-bound JavaScript stage
        </label>
        <label>
          <input
            type="checkbox"
            checked={withWeather}
            onChange={(e) => setWithWeather(e.target.checked)}
          />{' '}
          Refresh weather meanwhile
        </label>
      </fieldset>
      <button
        type="submit"
        className={buttons.primary}
        disabled={running || (kind === 'folder' && !folder.trim())}
      >
        {running ? 'Running…' : 'Run comparison'}
      </button>
    </form>
  )
}

function PastRuns({
  runs,
  selected,
  onSelect
}: {
  runs: BenchRun[]
  selected: number | null
  onSelect: (id: number) => void
}) {
  return (
    <section className={layout.card} aria-label="Past runs">
      <h2 className={styles.cardTitle}>Past runs</h2>
      <ul className={styles.runList}>
        {runs.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              aria-current={r.id === selected ? 'true' : undefined}
              onClick={() => onSelect(r.id)}
            >
              <span>Run {r.id}</span>
              <span className={text.muted}>{new Date(r.startedAt).toLocaleString()}</span>
              <span className={text.muted}>{r.sampleLabel}</span>
              <span className={cx(styles.pill, styles[r.status])}>{r.status}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
