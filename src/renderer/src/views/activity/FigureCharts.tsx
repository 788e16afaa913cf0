import type { BenchRun, StrategyResult, SummaryFigure } from '@shared/contract'
import { SpreadChart, type SpreadRow } from './SpreadChart'
import { shortName } from './strategy-names'
import styles from './FigureCharts.module.css'

interface Dimension {
  figure: SummaryFigure
  title: string
  unit: string
  better: 'higher' | 'lower'
  /** The figure of a run stored before repeats (one pass, no range). */
  single: (r: StrategyResult) => number | null | undefined
  /** Why a run may lack it, said when it does. */
  missing: string
}

const dimensions: Dimension[] = [
  {
    figure: 'perSecond',
    title: 'Throughput',
    unit: 'images/s',
    better: 'higher',
    single: (r) => r.perSecond,
    missing: 'Nothing was processed.'
  },
  {
    figure: 'loopP99Ms',
    title: "Main's loop delay p99",
    unit: 'ms',
    better: 'lower',
    single: (r) => r.loopP99Ms,
    missing: 'Not measured.'
  },
  {
    figure: 'weatherP99Ms',
    title: 'Weather refresh p99',
    unit: 'ms',
    better: 'lower',
    single: (r) => (r.weatherCount ? r.weatherP99Ms : null),
    missing: 'The weather was not refreshed during this run.'
  },
  {
    figure: 'inputP99Ms',
    title: "The window's input p99",
    unit: 'ms',
    better: 'lower',
    single: (r) => r.renderer?.inputP99Ms,
    missing: "The window's figures have not arrived (was it hidden?)."
  },
  {
    figure: 'frameP99Ms',
    title: "The window's frame p99",
    unit: 'ms',
    better: 'lower',
    single: (r) => r.renderer?.frameP99Ms,
    missing: "The window's figures have not arrived (was it hidden?)."
  },
  {
    figure: 'peakMainRssMb',
    title: "Main's peak memory",
    unit: 'MB',
    better: 'lower',
    single: (r) => r.peakMainRssMb,
    missing: 'Not measured.'
  },
  {
    figure: 'peakWorkerRssMb',
    title: "Workers' peak memory (all together)",
    unit: 'MB',
    better: 'lower',
    single: (r) => r.peakWorkerRssMb,
    missing: 'No strategy ran worker processes.'
  }
]

function rowsOf(run: BenchRun, d: Dimension): SpreadRow[] {
  return run.results.map((r) => {
    const s = r.summary?.[d.figure]
    const one = d.single(r)
    return {
      label: shortName(r),
      strategy: r.strategy,
      spread: s ?? (typeof one === 'number' ? { median: one, min: one, max: one, n: 1 } : null)
    }
  })
}

/**
 * Every dimension a strategy is judged by, side by side: per strategy its median (the dot)
 * and the range over its repeats (the bar), then main's memory before and after.
 */
export function FigureCharts({ run }: { run: BenchRun }) {
  return (
    <div className={styles.grid}>
      {dimensions.map((d) => (
        <SpreadChart
          key={d.figure}
          title={d.title}
          unit={d.unit}
          better={d.better}
          rows={rowsOf(run, d)}
          missing={d.missing}
        />
      ))}
      <SpreadChart
        title="Main's memory before → after (retained)"
        unit="MB"
        better="lower"
        missing="Runs from before memory was recorded lack it."
        rows={run.results.map((r) => ({
          label: shortName(r),
          strategy: r.strategy,
          spread: r.memory
            ? { median: r.memory.afterMb, min: r.memory.afterMb, max: r.memory.afterMb, n: 1 }
            : null,
          from: r.memory?.beforeMb
        }))}
      />
    </div>
  )
}
