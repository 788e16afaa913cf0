import type { Db } from '../../platform/store/database'
import type { LibraryRepositories } from '../store/library-repositories'
import { saveOutcomes, type Outcome, type OutcomeTally } from './import-results'
import type { WriteGuard } from './write-guard'

export interface ResultWriterDeps {
  readonly db: Db
  readonly repos: LibraryRepositories
  readonly guard: WriteGuard
  readonly now: () => number
  /** Results are written together: at most this long after the first one waits. */
  readonly flushMs: number
  /** Results were written (all of them, in one transaction). */
  readonly onSaved: (outcomes: readonly Outcome[], tally: OutcomeTally, now: number) => void
}

const FLUSH_AT = 64

/**
 * Gathers files' results and writes them in batched transactions. While writes fail (a full
 * disk) results wait here, at most the files that were in flight, and are written on Resume.
 */
export class ResultWriter {
  private readonly buffer: Outcome[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly deps: ResultWriterDeps) {}

  /** Results not written yet. */
  get pending(): number {
    return this.buffer.length
  }

  add(outcome: Outcome): void {
    this.buffer.push(outcome)
    if (this.buffer.length >= FLUSH_AT) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.deps.flushMs)
  }

  /** Writes what is gathered in one transaction: a result is either all written or not at all. */
  flush(): void {
    this.stop()
    if (this.buffer.length === 0 || this.deps.guard.reason !== null) return
    const outcomes = this.buffer.splice(0)
    const now = this.deps.now()
    const { assets, photos, jobs } = this.deps.repos
    let tally: OutcomeTally = { done: 0, failed: 0, duplicates: 0 }
    const saved = this.deps.guard.run('saving results', () => {
      tally = saveOutcomes(this.deps.db, { assets, photos, jobs }, outcomes, now)
    })
    if (saved) this.deps.onSaved(outcomes, tally, now)
    else this.buffer.unshift(...outcomes)
  }

  /** No timed write any more (quitting). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
