import type {
  MainMemory,
  RendererFigures,
  RepeatResult,
  StrategyPlan,
  StrategyResult,
  StrategySummary,
  Workload
} from '../contract/bench'
import { spreadOf, verdictSentence, type Contender, type Spread } from './verdict'

const numbers = (values: readonly (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))

/** The repeats a summary is made of: the complete ones, or all of them when none completed. */
function judged(repeats: readonly RepeatResult[]): readonly RepeatResult[] {
  const complete = repeats.filter((r) => r.status === 'complete')
  return complete.length ? complete : repeats
}

/** Median, min and max of every figure over the (complete) repeats. */
export function summarizeRepeats(repeats: readonly RepeatResult[]): StrategySummary {
  const rs = judged(repeats)
  const of = (pick: (r: RepeatResult) => number | null | undefined): Spread | null =>
    spreadOf(numbers(rs.map(pick)))
  return {
    perSecond: of((r) => r.perSecond),
    wallMs: of((r) => r.wallMs),
    loopP99Ms: of((r) => r.loopP99Ms),
    loopMaxMs: of((r) => r.loopMaxMs),
    weatherP99Ms: of((r) => r.weatherP99Ms),
    frameP99Ms: of((r) => r.renderer?.frameP99Ms),
    inputP99Ms: of((r) => r.renderer?.inputP99Ms),
    peakMainRssMb: of((r) => r.peakMainRssMb),
    peakWorkerRssMb: of((r) => r.peakWorkerRssMb),
    endMainRssMb: of((r) => r.endMainRssMb)
  }
}

const statusOf = (repeats: readonly RepeatResult[]): StrategyResult['status'] =>
  repeats.some((r) => r.status === 'failed')
    ? 'failed'
    : repeats.length && repeats.every((r) => r.status === 'complete')
      ? 'complete'
      : 'partial'

/**
 * One strategy's stored result: every repeat, their summary, and as its top-level figures the
 * medians (so a reader of one figure per strategy sees the typical pass, not the last one).
 */
export function strategyFromRepeats(
  plan: StrategyPlan,
  files: number,
  repeats: readonly RepeatResult[],
  memory: MainMemory | null,
  renderer: RendererFigures | null = null
): StrategyResult {
  const summary = summarizeRepeats(repeats)
  const last = repeats.at(-1)
  const notes = [...new Set(repeats.map((r) => r.note).filter(Boolean))]
  return {
    strategy: plan.strategy,
    workers: plan.workers,
    files,
    processed: last?.processed ?? 0,
    failed: last?.failed ?? 0,
    wallMs: summary.wallMs?.median ?? 0,
    perSecond: summary.perSecond?.median ?? 0,
    loopP99Ms: summary.loopP99Ms?.median ?? 0,
    loopMaxMs: summary.loopMaxMs?.median ?? 0,
    weatherP99Ms: summary.weatherP99Ms?.median ?? null,
    weatherCount: repeats.reduce((n, r) => n + r.weatherCount, 0),
    peakMainRssMb: summary.peakMainRssMb?.median ?? 0,
    peakWorkerRssMb: summary.peakWorkerRssMb?.median ?? null,
    renderer: renderer ?? medianRenderer(repeats),
    status: statusOf(repeats),
    note: notes.join(' '),
    repeats: [...repeats],
    summary,
    memory
  }
}

function medianRenderer(repeats: readonly RepeatResult[]): RendererFigures | null {
  const measured = repeats.flatMap((r) => (r.renderer ? [r.renderer] : []))
  if (!measured.length) return null
  return {
    longTasks: spreadOf(measured.map((m) => m.longTasks))!.median,
    frameP99Ms: spreadOf(measured.map((m) => m.frameP99Ms))!.median,
    inputP99Ms: spreadOf(measured.map((m) => m.inputP99Ms))!.median
  }
}

/**
 * The window's figures for one strategy: for one repeat when `repeat` is given (its summary
 * then spans the repeats so measured), else for the whole strategy (every pass at once).
 */
export function withRendererFigures(
  result: StrategyResult,
  repeat: number | undefined,
  figures: RendererFigures
): StrategyResult {
  const repeats = result.repeats ?? []
  if (repeat === undefined || !repeats.some((r) => r.repeat === repeat)) {
    const summary = result.summary
      ? {
          ...result.summary,
          frameP99Ms: result.summary.frameP99Ms ?? spreadOf([figures.frameP99Ms]),
          inputP99Ms: result.summary.inputP99Ms ?? spreadOf([figures.inputP99Ms])
        }
      : result.summary
    return { ...result, renderer: figures, summary }
  }
  const updated = repeats.map((r) => (r.repeat === repeat ? { ...r, renderer: figures } : r))
  return {
    ...result,
    repeats: updated,
    summary: summarizeRepeats(updated),
    renderer: medianRenderer(updated)
  }
}

const contender = (label: string, r: StrategyResult | undefined): Contender | null => {
  const s = r?.summary
  return s?.perSecond && s.loopP99Ms
    ? { label, throughput: s.perSecond, loopP99Ms: s.loopP99Ms }
    : null
}

const workerProcesses = (n: number): string => `${n} worker process${n === 1 ? '' : 'es'}`

/** The strategy of `strategy` with the highest median throughput. */
function fastest(results: readonly StrategyResult[], strategy: StrategyResult['strategy']) {
  return results
    .filter((r) => r.strategy === strategy && r.summary?.perSecond)
    .reduce<StrategyResult | undefined>(
      (best, r) =>
        !best || r.summary!.perSecond!.median > best.summary!.perSecond!.median ? r : best,
      undefined
    )
}

/**
 * What a run showed, as computed sentences. Process images: the best worker-process plan
 * against the main process, then worker threads against it. Download and process: the
 * pipeline against one at a time, then against all downloads first. Null without the figures.
 */
export function runVerdict(
  workload: Workload,
  results: readonly StrategyResult[],
  repeats: number
): string | null {
  const pairs: [Contender | null, Contender | null][] = []
  if (workload === 'images') {
    const base = contender(
      'The main process',
      results.find((r) => r.strategy === 'in-main')
    )
    const best = fastest(results, 'processes')
    pairs.push([best ? contender(workerProcesses(best.workers), best) : null, base])
    pairs.push([
      contender(
        'Worker threads',
        results.find((r) => r.strategy === 'threads')
      ),
      base
    ])
  } else {
    const pipeline = contender(
      'The pipeline',
      results.find((r) => r.strategy === 'pipeline')
    )
    pairs.push([
      pipeline,
      contender(
        'Downloading and processing one at a time',
        results.find((r) => r.strategy === 'one-at-a-time')
      )
    ])
    pairs.push([
      pipeline,
      contender(
        'Downloading everything first',
        results.find((r) => r.strategy === 'download-first')
      )
    ])
  }
  const sentences = pairs.flatMap(([a, b]) => (a && b ? [verdictSentence(a, b)] : []))
  if (!sentences.length) return null
  const text = sentences.map(capitalise).join(' ')
  // One pass has no range: any difference would count as clear, so the reader is told.
  return repeats < 2 ? `From one repeat each, so without ranges: ${text}` : text
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
