import { rmSync } from 'node:fs'
import { isAbsolute, join, normalize, sep } from 'node:path'
import type { Db } from '../../platform/store/database'
import type { Logger } from '../../platform/log'

/** Contents whose cached files are deleted per slice of the event loop. */
const SLICE = 100

export interface FileSweepOptions {
  readonly db: Db
  /** The thumbnails folder the listed files are below. */
  readonly dir: string
  /**
   * True when no import is under way. A worker may have found a content's cached files and be
   * about to report them as reused; deleting them then would leave a photo without thumbnail.
   * With nothing in flight, and each slice running in one turn of the loop, that cannot happen.
   */
  readonly idle: () => boolean
  readonly log: Logger
}

/**
 * Deletes the cached thumbnail, preview and sidecar of contents that left the library for good
 * (listed in library_file_sweep by AssetRepository.deleteOrphans). A content imported again
 * meanwhile keeps its files. Runs in slices, only while no import is under way.
 */
export class FileSweep {
  private readonly pending
  private readonly inUse
  private readonly done
  private timer: NodeJS.Immediate | null = null
  private stopped = false

  constructor(private readonly options: FileSweepOptions) {
    const { db } = options
    this.pending = db.prepare<[string, number], { hash: string; files: string }>(
      'SELECT hash, files FROM library_file_sweep WHERE hash > ? ORDER BY hash LIMIT ?'
    )
    this.inUse = db.prepare<[string], { n: number }>(
      'SELECT 1 AS n FROM library_assets WHERE hash = ?'
    )
    this.done = db.prepare<[string]>('DELETE FROM library_file_sweep WHERE hash = ?')
  }

  /** Starts a sweep (if none runs); files that cannot be deleted now are tried next time. */
  run(): void {
    if (this.timer || this.stopped) return
    let after = ''
    let failed = 0
    const slice = (): void => {
      this.timer = null
      if (this.stopped || !this.options.idle()) return
      const rows = this.pending.all(after, SLICE)
      for (const row of rows) {
        after = row.hash
        if (!this.inUse.get(row.hash) && !this.remove(row.files)) {
          failed++
          continue
        }
        this.done.run(row.hash)
      }
      if (rows.length === SLICE) this.timer = setImmediate(slice)
      else if (failed)
        this.options.log.warn('cached files of deleted photos were not deleted', { failed })
    }
    this.timer = setImmediate(slice)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearImmediate(this.timer)
    this.timer = null
  }

  /** Deletes the files (sidecar first: without it no worker reuses the others). */
  private remove(files: string): boolean {
    let ok = true
    for (const file of JSON.parse(files) as string[]) {
      const path = normalize(join(this.options.dir, file))
      // Only files below the thumbnails folder, whatever the row says.
      if (isAbsolute(file) || !path.startsWith(normalize(this.options.dir) + sep)) continue
      try {
        rmSync(path, { force: true })
      } catch (error) {
        this.options.log.warn('a cached file could not be deleted', {
          code: (error as NodeJS.ErrnoException).code
        })
        ok = false
      }
    }
    return ok
  }
}
