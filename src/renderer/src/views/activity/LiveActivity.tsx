import type { ActivitySample, ProcessSample } from '@shared/contract'
import { LineChart } from '../../components/LineChart'
import { useActivitySamples } from '../../hooks/use-activity'
import { useFrameStats } from '../../hooks/use-frame-stats'
import { formatDuration } from '../library/format'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { ProcessBars } from './ProcessBars'
import styles from './LiveActivity.module.css'

const CAPACITY = 120 // one minute at two samples a second

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
const cpuOf = (s: ActivitySample, kind: ProcessSample['kind']): number =>
  sum(s.processes.filter((p) => p.kind === kind).map((p) => p.cpuPercent))

/** The app's background work, live: how smooth the window is and what each process does. */
export function LiveActivity() {
  const frames = useFrameStats(500, CAPACITY)
  const { samples, span } = useActivitySamples(CAPACITY)
  const last = samples.at(-1)
  const finished = samples.flatMap((s) => s.network.finished).slice(-200)

  return (
    <div className={styles.grid}>
      <section className={layout.card} aria-label="Renderer frames">
        <LineChart
          title="Frame time (renderer, p99 per ½ s)"
          unit="ms"
          capacity={CAPACITY}
          minMax={40}
          reference={{ value: 1000 / 60, label: '60 fps budget' }}
          series={[
            { label: 'p99', color: 'var(--chart-1)', values: frames.map((f) => f.frameP99Ms) },
            { label: 'worst', color: 'var(--chart-3)', values: frames.map((f) => f.frameMaxMs) }
          ]}
        />
        <p className={`${text.muted} ${text.small}`}>
          Long tasks (≥ 50 ms) in the last minute:{' '}
          <strong data-testid="long-task-count">{sum(frames.map((f) => f.longTasks))}</strong>
        </p>
      </section>

      <section className={layout.card} aria-label="Main event loop">
        <LineChart
          title="Main-process event-loop delay"
          unit="ms"
          capacity={CAPACITY}
          minMax={20}
          digits={1}
          reference={{ value: 20, label: '20 ms target' }}
          series={[
            { label: 'p99', color: 'var(--chart-1)', values: samples.map((s) => s.loop.p99Ms) },
            { label: 'max', color: 'var(--chart-3)', values: samples.map((s) => s.loop.maxMs) }
          ]}
        />
        {span && span.samples > 0 && (
          <p className={`${text.muted} ${text.small}`} data-testid="loop-span">
            Since this view opened ({formatDuration(span.forMs / 1000)}): p99{' '}
            <strong>{span.p99Ms.toFixed(1)} ms</strong>, max {span.maxMs.toFixed(1)} ms
          </p>
        )}
      </section>

      <section className={layout.card} aria-label="CPU by process">
        <LineChart
          title="CPU (100% = one core)"
          unit="%"
          capacity={CAPACITY}
          minMax={100}
          series={[
            {
              label: 'main',
              color: 'var(--chart-1)',
              values: samples.map((s) => cpuOf(s, 'main'))
            },
            {
              label: 'workers',
              color: 'var(--chart-2)',
              values: samples.map((s) => cpuOf(s, 'worker'))
            },
            ...(last?.rendererMeasured
              ? [
                  {
                    label: 'renderer',
                    color: 'var(--chart-3)',
                    values: samples.map((s) => cpuOf(s, 'renderer'))
                  }
                ]
              : [])
          ]}
        />
        <ProcessBars
          processes={last?.processes ?? []}
          rendererMeasured={last?.rendererMeasured ?? false}
        />
      </section>

      <section className={layout.card} aria-label="Worker pool">
        <LineChart
          title="Worker pool"
          unit=""
          capacity={CAPACITY}
          minMax={4}
          series={[
            {
              label: 'busy workers',
              color: 'var(--chart-2)',
              values: samples.map((s) => s.pool?.busy ?? 0)
            },
            {
              label: 'queued files',
              color: 'var(--chart-4)',
              values: samples.map((s) => s.pool?.queued ?? 0)
            }
          ]}
        />
        <p className={`${text.muted} ${text.small}`}>
          {last?.pool
            ? `${last.pool.busy} of ${last.pool.workers} workers busy, ${last.pool.inFlight} files in flight, ${last.pool.queued} queued`
            : 'No worker pool running — it starts with an import.'}
        </p>
      </section>

      <section className={layout.card} aria-label="Network">
        <LineChart
          title="Network requests"
          unit=""
          capacity={CAPACITY}
          minMax={2}
          series={[
            {
              label: 'in flight',
              color: 'var(--chart-1)',
              values: samples.map((s) => s.network.inFlight.length)
            }
          ]}
        />
        <NetworkSummary sample={last} finished={finished} />
      </section>
    </div>
  )
}

function NetworkSummary({
  sample,
  finished
}: {
  sample: ActivitySample | undefined
  finished: ActivitySample['network']['finished']
}) {
  const times = finished.map((f) => f.ms).sort((a, b) => a - b)
  const p50 = times[Math.floor(times.length / 2)]
  const failed = finished.filter((f) => !f.ok).length
  return (
    <div className={text.small}>
      {sample?.network.inFlight.length ? (
        <ul className={styles.plainList}>
          {sample.network.inFlight.slice(0, 5).map((r, i) => (
            <li key={i}>
              {r.label}{' '}
              <span className={text.muted}>
                — {r.host}, {Math.round(r.ageMs)} ms
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={text.muted}>Nothing in flight.</p>
      )}
      <p className={text.muted}>
        {times.length
          ? `Last ${times.length} requests: median ${Math.round(p50 ?? 0)} ms, slowest ${Math.round(times.at(-1) ?? 0)} ms${failed ? `, ${failed} failed` : ''}`
          : 'No requests in the last minute.'}
      </p>
    </div>
  )
}
