import type { Db } from '../../platform/store/database'
import { AssetPreviews } from '../store/asset-previews'
import type { LibraryRepositories } from '../store/library-repositories'
import { saveOutcomes, type Outcome, type OutcomeTally } from './import-results'
import { savePreviews, type PreviewResult, type PreviewTally } from './preview-results'
import type { WriteGuard } from './write-guard'

export interface ResultWriterDeps {
  readonly db: Db
  readonly repos: LibraryRepositories
  readonly guard: WriteGuard
  readonly now: () => number
  /** Results are written together: at most this long after the first one waits. */
  readonly flushMs: number
  /** Results were written (all of them, in one transaction). */
  readonly onSaved: (saved: Saved) => void
}

export interface Saved {
  /** Phase 1: files' thumbnails and facts. */
  readonly outcomes: readonly Outcome[]
  readonly tally: OutcomeTally
  /** Phase 2: previews. */
  readonly previews: readonly PreviewResult[]
  readonly previewTally: PreviewTally
  readonly now: number
}

const FLUSH_AT = 64

/**
 * Gathers files' results (both phases) and writes them in batched transactions. While writes
 * fail (a full disk) results wait here, at most the files that were in flight, and are written
 * on Resume.
 */
export class ResultWriter {
  private readonly buffer: Outcome[] = []
  private readonly previewBuffer: PreviewResult[] = []
  private readonly assetPreviews: AssetPreviews
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly deps: ResultWriterDeps) {
    this.assetPreviews = new AssetPreviews(deps.db)
  }

  /** Results not written yet. */
  get pending(): number {
    return this.buffer.length + this.previewBuffer.length
  }

  add(outcome: Outcome): void {
    this.buffer.push(outcome)
    this.schedule()
  }

  addPreview(result: PreviewResult): void {
    this.previewBuffer.push(result)
    this.schedule()
  }

  /** Writes what is gathered in one transaction: a result is either all written or not at all. */
  flush(): void {
    this.stop()
    if (this.pending === 0 || this.deps.guard.reason !== null) return
    const outcomes = this.buffer.splice(0)
    const previews = this.previewBuffer.splice(0)
    const now = this.deps.now()
    const { db } = this.deps
    const { assets, photos, jobs } = this.deps.repos
    let tally: OutcomeTally = { done: 0, failed: 0, duplicates: 0, skipped: 0, previews: 0 }
    let previewTally: PreviewTally = { done: 0, failed: 0 }
    const saved = this.deps.guard.run('saving results', () =>
      db.transaction(() => {
        if (outcomes.length) tally = saveOutcomes(db, { assets, photos, jobs }, outcomes, now)
        if (previews.length)
          previewTally = savePreviews(db, { previews: this.assetPreviews, jobs }, previews, now)
      })()
    )
    if (saved) this.deps.onSaved({ outcomes, tally, previews, previewTally, now })
    else {
      this.buffer.unshift(...outcomes)
      this.previewBuffer.unshift(...previews)
    }
  }

  /** No timed write any more (quitting). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(): void {
    if (this.pending >= FLUSH_AT) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.deps.flushMs)
  }
}
