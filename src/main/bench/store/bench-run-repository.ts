import { z } from 'zod'
import {
  benchRunSchema,
  machineSchema,
  sampleParamsSchema,
  strategyPlanSchema,
  strategyResultSchema,
  type BenchRun,
  type MachineInfo,
  type SampleParams,
  type StrategyPlan,
  type StrategyResult,
  type Workload
} from '@shared/contract/bench'
import type { Db } from '../../platform/store/database'

interface Row {
  id: number
  started_at: number
  finished_at: number | null
  status: string
  sample_label: string
  files: number
  js_stage: number
  with_weather: number
  plans: string
  results: string
  note: string
  workload: string
  repeats: number
  verdict: string | null
  machine: string | null
  sample: string | null
}

export type NewRun = Pick<
  BenchRun,
  'startedAt' | 'sampleLabel' | 'files' | 'jsStage' | 'withWeather' | 'plans'
> & { workload: Workload; repeats: number }

export interface RunPatch {
  plans?: StrategyPlan[]
  files?: number
  results?: StrategyResult[]
  sampleLabel?: string
  verdict?: string | null
  machine?: MachineInfo
  sample?: SampleParams
}

const plansSchema = z.array(strategyPlanSchema)
const resultsSchema = z.array(strategyResultSchema)

/** Stored "test both" runs; each run keeps its results as validated JSON. */
export class BenchRunRepository {
  constructor(private readonly db: Db) {}

  create(run: NewRun): number {
    const info = this.db
      .prepare(
        `INSERT INTO bench_runs (started_at, status, sample_label, files, js_stage, with_weather, plans, results, workload, repeats)
         VALUES (?, 'running', ?, ?, ?, ?, ?, '[]', ?, ?)`
      )
      .run(
        run.startedAt,
        run.sampleLabel,
        run.files,
        run.jsStage ? 1 : 0,
        run.withWeather ? 1 : 0,
        JSON.stringify(run.plans),
        run.workload,
        run.repeats
      )
    return Number(info.lastInsertRowid)
  }

  update(id: number, patch: RunPatch): void {
    const current = this.get(id)
    if (!current) return
    const json = (value: unknown): string | null =>
      value === undefined || value === null ? null : JSON.stringify(value)
    this.db
      .prepare(
        `UPDATE bench_runs SET plans = ?, files = ?, results = ?, sample_label = ?, verdict = ?,
         machine = ?, sample = ? WHERE id = ?`
      )
      .run(
        JSON.stringify(patch.plans ?? current.plans),
        patch.files ?? current.files,
        JSON.stringify(patch.results ?? current.results),
        patch.sampleLabel ?? current.sampleLabel,
        patch.verdict !== undefined ? patch.verdict : (current.verdict ?? null),
        json(patch.machine ?? current.machine),
        json(patch.sample ?? current.sample),
        id
      )
  }

  finish(id: number, status: BenchRun['status'], note: string, finishedAt: number): void {
    this.db
      .prepare('UPDATE bench_runs SET status = ?, note = ?, finished_at = ? WHERE id = ?')
      .run(status, note, finishedAt, id)
  }

  /** A run left 'running' by a quit or crash is marked so at the next start. */
  markInterrupted(now: number): number {
    return this.db
      .prepare(
        `UPDATE bench_runs SET status = 'partial', finished_at = ?,
         note = 'Skyfolio quit before this run finished; the results shown are partial.'
         WHERE status = 'running'`
      )
      .run(now).changes
  }

  get(id: number): BenchRun | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM bench_runs WHERE id = ?').get(id)
    return row ? toRun(row) : null
  }

  list(limit = 200): BenchRun[] {
    return this.db
      .prepare<[number], Row>('SELECT * FROM bench_runs ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(limit)
      .map(toRun)
  }
}

function toRun(row: Row): BenchRun {
  const parse = <T>(schema: z.ZodType<T>, text: string, fallback: T): T => {
    try {
      const parsed = schema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : fallback
    } catch {
      return fallback
    }
  }
  return benchRunSchema.parse({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    sampleLabel: row.sample_label,
    files: row.files,
    jsStage: row.js_stage === 1,
    withWeather: row.with_weather === 1,
    plans: parse(plansSchema, row.plans, []),
    results: parse(resultsSchema, row.results, []),
    note: row.note,
    workload: row.workload,
    repeats: row.repeats,
    verdict: row.verdict,
    machine: row.machine === null ? null : parse(machineSchema.nullable(), row.machine, null),
    sample: row.sample === null ? null : parse(sampleParamsSchema.nullable(), row.sample, null)
  })
}
