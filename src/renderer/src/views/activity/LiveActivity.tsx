import { useState } from 'react'
import { activityBudgets, type ActivitySample } from '@shared/contract'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LineChart } from '../../components/LineChart'
import { LIVE_CAPACITY, useActivitySamples } from '../../hooks/use-activity'
import { useFrameStats, type FrameWindow } from '../../hooks/use-frame-stats'
import { formatDuration } from '../library/format'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { NetworkSummary } from './NetworkSummary'
import { ProcessBars } from './ProcessBars'
import { processSeries } from './process-series'
import styles from './LiveActivity.module.css'

/** A frame this long is a long task's worth of stall: the frames chart's budget line. */
const FRAME_BUDGET_MS = 50

interface Shown {
  samples: ActivitySample[]
  frames: FrameWindow[]
}

/** The app's background work, live, after the five minutes main kept before the view opened. */
export function LiveActivity() {
  const liveFrames = useFrameStats(500, LIVE_CAPACITY)
  const { samples: liveSamples, span, historyError } = useActivitySamples()
  // Paused: the charts hold still for inspection while the samples keep arriving behind.
  const [paused, setPaused] = useState<(Shown & { at: number }) | null>(null)
  const { samples, frames } = paused ?? { samples: liveSamples, frames: liveFrames }
  const last = samples.at(-1)
  const times = samples.map((s) => s.at)
  const finished = samples.flatMap((s) => s.network.finished).slice(-200)
  const sched = samples.some((s) => s.sched)

  return (
    <>
      <div className={styles.bar}>
        <button
          type="button"
          className={paused ? buttons.primary : undefined}
          aria-pressed={paused !== null}
          onClick={() =>
            setPaused(paused ? null : { samples: liveSamples, frames: liveFrames, at: Date.now() })
          }
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
        <span className={`${text.muted} ${text.small}`} role="status">
          {paused
            ? `Paused at ${new Date(paused.at).toLocaleTimeString()}: point at a chart to read any moment.`
            : times.length > 1
              ? `The last ${formatDuration((times.at(-1)! - times[0]!) / 1000)}, twice a second; point at a chart to read any moment.`
              : 'Waiting for the first samples…'}
        </span>
      </div>
      {historyError && (
        <ErrorNotice error={historyError} what="Main's last five minutes could not be read" />
      )}
      <div className={styles.grid}>
        <section className={layout.card} aria-label="Main event loop">
          <LineChart
            title="Main-process event-loop delay (per ½ s)"
            unit="ms"
            times={times}
            minMax={20}
            digits={1}
            series={[
              {
                label: 'p99',
                color: 'var(--chart-1)',
                values: samples.map((s) => s.loop.p99Ms),
                budget: activityBudgets.loopP99Ms
              },
              {
                label: 'max',
                color: 'var(--chart-3)',
                values: samples.map((s) => s.loop.maxMs),
                budget: activityBudgets.loopMaxMs
              }
            ]}
          />
          {span && span.samples > 0 && (
            <p className={`${text.muted} ${text.small}`} data-testid="loop-span">
              Since this view opened ({formatDuration(span.forMs / 1000)}): p99{' '}
              <strong>{span.p99Ms.toFixed(1)} ms</strong>, max {span.maxMs.toFixed(1)} ms
            </p>
          )}
        </section>

        <section className={layout.card} aria-label="Main thread">
          <LineChart
            title="Main's thread: running vs waiting for a CPU (ms per s)"
            unit="ms/s"
            times={times}
            minMax={200}
            series={[
              {
                label: 'busy',
                color: 'var(--chart-1)',
                values: samples.map((s) => s.sched?.busyMsPerS ?? 0)
              },
              {
                label: 'run-queue wait',
                color: 'var(--chart-4)',
                values: samples.map((s) => s.sched?.runqueueWaitMsPerS ?? 0),
                budget: activityBudgets.runqueueWaitMsPerS
              }
            ]}
          />
          <p className={`${text.muted} ${text.small}`}>
            {sched
              ? 'Busy: main ran JavaScript or native work. Waiting: it was ready to run, but every core was taken. Delay with little busy time is waiting.'
              : 'This system does not report how long main waits for a CPU (Linux only).'}
          </p>
        </section>

        <section className={layout.card} aria-label="CPU by process">
          <LineChart
            title="CPU by process, stacked (100% = one core)"
            unit="%"
            times={times}
            stacked
            minMax={100}
            series={processSeries(samples, (p) => p.cpuPercent)}
          />
          <ProcessBars
            processes={last?.processes ?? []}
            rendererMeasured={last?.rendererMeasured ?? false}
          />
        </section>

        <section className={layout.card} aria-label="Memory by process">
          <LineChart
            title="Memory by process, stacked (RSS)"
            unit="MB"
            times={times}
            stacked
            minMax={100}
            series={processSeries(samples, (p) => p.rssMb)}
          />
        </section>

        <section className={layout.card} aria-label="Renderer frames">
          <LineChart
            title="Frame time (this window, per ½ s)"
            unit="ms"
            times={frames.map((f) => f.at)}
            minMax={40}
            series={[
              { label: 'p99', color: 'var(--chart-1)', values: frames.map((f) => f.frameP99Ms) },
              {
                label: 'worst',
                color: 'var(--chart-3)',
                values: frames.map((f) => f.frameMaxMs),
                budget: FRAME_BUDGET_MS
              }
            ]}
          />
          <p className={`${text.muted} ${text.small}`}>
            Long tasks (≥ 50 ms) since this view opened:{' '}
            <strong data-testid="long-task-count">
              {frames.reduce((n, f) => n + f.longTasks, 0)}
            </strong>
            . Measured in the page, so it starts when the view opens.
          </p>
        </section>

        <section className={layout.card} aria-label="Worker pool">
          <LineChart
            title="Worker pool"
            unit=""
            times={times}
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
            {last?.pool?.workers
              ? `${last.pool.busy} of ${last.pool.workers} workers busy, ${last.pool.inFlight} files in flight, ${last.pool.queued} queued`
              : 'No worker pool running — it starts with an import.'}
          </p>
        </section>

        <section className={layout.card} aria-label="Network">
          <LineChart
            title="Network requests"
            unit=""
            times={times}
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
    </>
  )
}
