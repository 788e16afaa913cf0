import type { Db } from '../../platform/store/database'
import { BatchSummaries } from './batch-summary'

export type BatchState = 'running' | 'paused' | 'done' | 'cancelled'

export interface BatchRow {
  id: number
  created_at: number
  finished_at: number | null
  state: BatchState
  roots: string
  walked: number
  /** JSON BatchSummary, written when the batch ends (see batch-reports). */
  summary: string | null
  announced: number
  dismissed: number
}

export interface Batch {
  id: number
  createdAt: number
  state: BatchState
  /** Folders and files chosen for this batch; walked again if a walk was interrupted. */
  roots: string[]
  walked: boolean
}

const toBatch = (r: BatchRow): Batch => ({
  id: r.id,
  createdAt: r.created_at,
  state: r.state,
  roots: JSON.parse(r.roots) as string[],
  walked: r.walked === 1
})

/** Import sessions (library_batches). At most one is running or paused at a time. */
export class BatchRepository {
  private readonly selectActive
  private readonly insert
  private readonly updateRoots
  private readonly updateWalked
  private readonly updateState
  private readonly updateSummary
  private readonly summaries

  constructor(private readonly db: Db) {
    this.summaries = new BatchSummaries(db)
    this.selectActive = db.prepare<[], BatchRow>(
      `SELECT * FROM library_batches WHERE state IN ('running', 'paused') ORDER BY id DESC LIMIT 1`
    )
    this.insert = db.prepare<[number], { id: number }>(
      `INSERT INTO library_batches (created_at, state) VALUES (?, 'running') RETURNING id`
    )
    this.updateRoots = db.prepare<[string, number]>(
      'UPDATE library_batches SET roots = ?, walked = 0 WHERE id = ?'
    )
    this.updateWalked = db.prepare<[number]>('UPDATE library_batches SET walked = 1 WHERE id = ?')
    this.updateState = db.prepare<[BatchState, number | null, number]>(
      'UPDATE library_batches SET state = ?, finished_at = ? WHERE id = ?'
    )
    this.updateSummary = db.prepare<[string, number]>(
      'UPDATE library_batches SET summary = ? WHERE id = ?'
    )
  }

  active(): Batch | null {
    const row = this.selectActive.get()
    return row ? toBatch(row) : null
  }

  create(now: number): Batch {
    const { id } = this.insert.get(now)!
    return { id, createdAt: now, state: 'running', roots: [], walked: true }
  }

  /** Records roots before they are walked, so a crash mid-walk walks them again. */
  addRoots(batch: Batch, roots: readonly string[]): void {
    const merged = [...new Set([...batch.roots, ...roots])]
    this.updateRoots.run(JSON.stringify(merged), batch.id)
    batch.roots = merged
    batch.walked = false
  }

  markWalked(batch: Batch): void {
    this.updateWalked.run(batch.id)
    batch.walked = true
  }

  /**
   * An ending batch (done or cancelled) stores its summary with its state, in one transaction:
   * what it reports is what its files were when it ended, whatever later retries move.
   */
  setState(batch: Batch, state: BatchState, finishedAt: number | null = null): void {
    this.db.transaction(() => {
      this.updateState.run(state, finishedAt, batch.id)
      if (state === 'done' || state === 'cancelled')
        this.updateSummary.run(JSON.stringify(this.summaries.of(batch.id)), batch.id)
    })()
    batch.state = state
  }
}
