import { useId, useState, type FormEvent } from 'react'
import {
  DEFAULT_DOWNLOAD_LATENCY_MS,
  DEFAULT_REPEATS,
  MAX_REPEATS,
  workloadLabels,
  workloads,
  type Workload
} from '@shared/contract'
import { call, errorText } from '../../lib/api'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './TestBoth.module.css'

const cores = navigator.hardwareConcurrency || 2

const strategiesOf: Record<Workload, string> = {
  images: `main process, worker threads × ${cores}, worker processes × 1 to`,
  download:
    'one at a time, all downloads first, and a pipeline from downloads into worker processes ×'
}

/** A new comparison: the sample, the workload, how many repeats, and what runs alongside. */
export function RunForm({
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
  const [workload, setWorkload] = useState<Workload>('images')
  const [repeats, setRepeats] = useState(DEFAULT_REPEATS)
  const [maxWorkers, setMaxWorkers] = useState(cores)
  const [jsStage, setJsStage] = useState(false)
  const [withWeather, setWithWeather] = useState(true)
  const [latencyMs, setLatencyMs] = useState(DEFAULT_DOWNLOAD_LATENCY_MS)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    onError(null)
    try {
      const sample = kind === 'generated' ? { kind, count } : { kind, path: folder.trim() }
      const { runId } = await call('bench:start', {
        sample,
        maxWorkers,
        jsStage,
        withWeather,
        repeats,
        workload,
        ...(workload === 'download' ? { latencyMs } : {})
      })
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
        <legend>Workload</legend>
        {workloads.map((w) => (
          <label key={w}>
            <input
              type="radio"
              name={`${id}-workload`}
              checked={workload === w}
              onChange={() => setWorkload(w)}
            />{' '}
            {workloadLabels[w]}
          </label>
        ))}
        {workload === 'download' && (
          <label title="How long the loopback server waits before each image: a far server's round trips">
            Latency per image{' '}
            <input
              type="number"
              min={0}
              max={5000}
              step={10}
              value={latencyMs}
              aria-label="Download latency per image in milliseconds"
              onChange={(e) => setLatencyMs(Number(e.target.value))}
            />{' '}
            ms
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Strategies</legend>
        <span className={`${text.muted} ${text.small}`}>{strategiesOf[workload]}</span>
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
          Repeats{' '}
          <input
            type="number"
            min={1}
            max={MAX_REPEATS}
            value={repeats}
            aria-label="Repeats per strategy"
            title="Measured passes per strategy, each after one warm-up pass"
            onChange={(e) => setRepeats(Number(e.target.value))}
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
