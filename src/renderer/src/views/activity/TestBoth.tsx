import { useState } from 'react'
import { strategyLabels, workloadLabels, type BenchProgress, type BenchRun } from '@shared/contract'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProgressBar } from '../../components/ProgressBar'
import { useRendererProbe } from '../../hooks/use-renderer-probe'
import { call, errorText } from '../../lib/api'
import { cx } from '../../lib/cx'
import { downloadText } from '../../lib/download'
import { FigureCharts } from './FigureCharts'
import { PastRuns } from './PastRuns'
import { ResultsTable } from './ResultsTable'
import { RunForm } from './RunForm'
import { hasWorkers } from './strategy-names'
import { useBench } from './use-bench'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './TestBoth.module.css'

function progressTitle(p: BenchProgress): string {
  if (p.phase === 'preparing') return 'Preparing the sample…'
  const plan = p.plans[p.index]!
  const pass =
    p.repeat === undefined
      ? ''
      : p.repeat === 0
        ? ' — warm-up'
        : ` — repeat ${p.repeat} of ${p.repeats ?? p.repeat}`
  return `Running ${p.index + 1} of ${p.plans.length}: ${strategyLabels[plan.strategy]}${
    hasWorkers(plan) ? ` × ${plan.workers}` : ''
  }${pass}`
}

/** "Test both": run one batch several ways, each repeated, and say what the run showed. */
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
            <strong>{progressTitle(progress)}</strong>
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
            Each strategy runs once to warm up, then is measured on every repeat. The weather
            refresh and a scripted interaction run alongside, so each strategy&apos;s cost to the
            rest of the app is measured too.
          </p>
        </section>
      )}
      {shown ? (
        <section className={layout.card} aria-label="Run results">
          <div className={layout.toolbar}>
            <h2 className={styles.cardTitle}>
              Run {shown.id} — {workloadLabels[shown.workload ?? 'images']}, {shown.sampleLabel}
              {shown.repeats && shown.repeats > 1 && (
                <span className={styles.pill}>{shown.repeats} repeats each</span>
              )}
              {shown.jsStage && <span className={styles.pill}>+ JS stage</span>}
              {shown.sample?.download && (
                <span className={styles.pill}>
                  {shown.sample.download.latencyMs} ms per download
                </span>
              )}
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
          <Verdict run={shown} />
          {shown.note && <p className={text.muted}>{shown.note}</p>}
          {shown.results.length > 0 ? (
            <>
              <FigureCharts run={shown} />
              <h3 className={styles.sectionTitle}>Medians, with the range over the repeats</h3>
              <ResultsTable run={shown} />
              {shown.machine && (
                <p className={`${text.muted} ${text.small}`}>
                  Measured on {shown.machine.cores} cores ({shown.machine.cpuModel}),{' '}
                  {Math.round(shown.machine.memoryMb / 1024)} GB, {shown.machine.os}; load average{' '}
                  {shown.machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')} before the run.
                </p>
              )}
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

/** The run's computed sentence, first and large: what a reader came to learn. */
function Verdict({ run }: { run: BenchRun }) {
  const sentence =
    run.verdict ??
    (run.status === 'running'
      ? 'The verdict comes when every strategy has run.'
      : 'No verdict: the strategies it compares did not all finish.')
  return (
    <section
      className={cx(styles.verdict, !run.verdict && styles.verdictPending)}
      aria-label="Verdict"
    >
      <p>{sentence}</p>
    </section>
  )
}
