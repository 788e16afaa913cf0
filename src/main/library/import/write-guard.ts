import { AppFailure } from '@shared/contract'
import type { Logger } from '../../platform/log'
import {
  DISK_FULL_IMPORT,
  DISK_FULL_REQUEST,
  errorCode,
  isDiskFull,
  storeFault
} from '../../platform/store/store-faults'

/** Why the import stopped writing, in words for the progress panel and the status bar. */
export function pauseReason(error: unknown): string {
  switch (storeFault(error)) {
    case 'disk-full':
      return DISK_FULL_IMPORT
    case 'read-only':
      return 'Skyfolio may no longer write to its database — check its folder and press Resume'
    case 'busy':
      return 'Another program is holding the database — press Resume to try again'
    default:
      return 'Skyfolio could not save the import’s progress — press Resume to try again'
  }
}

interface HeldWrite {
  readonly what: string
  readonly write: () => void
}

/**
 * The import's writes go through here. A write that fails (a full disk, most often) pauses
 * the import with a reason instead of escaping as an uncaught exception; writes that must not
 * be lost are held and replayed, in order, when the user presses Resume.
 */
export class WriteGuard {
  private why: string | null = null
  private readonly held: HeldWrite[] = []
  private waiters: Array<() => void> = []

  constructor(
    private readonly log: Logger,
    /** The import paused itself: publish the reason. */
    private readonly onFault: (reason: string) => void
  ) {}

  /** Why writing stopped; null while writes go through. */
  get reason(): string | null {
    return this.why
  }

  /** Writes are waiting for Resume: the batch is not done. */
  get holding(): boolean {
    return this.held.length > 0
  }

  /** Runs a write; false when it failed, and the import is then paused with the reason. */
  run(what: string, write: () => void): boolean {
    try {
      write()
      return true
    } catch (error) {
      this.fail(what, error)
      return false
    }
  }

  /** Runs a write that must happen: when it cannot now, it is held and replayed on Resume. */
  ensure(what: string, write: () => void): boolean {
    // Behind held writes, so they land in the order they were made.
    if (this.why === null && this.held.length === 0 && this.run(what, write)) return true
    this.held.push({ what, write })
    return false
  }

  /** Tries the held writes again; false when they still fail (the import stays paused). */
  retry(): boolean {
    this.why = null
    while (this.held.length > 0) {
      const next = this.held[0]!
      if (!this.run(next.what, next.write)) return false
      this.held.shift()
    }
    for (const wake of this.waiters.splice(0)) wake()
    return true
  }

  /** Resolves once writes may be tried again (Resume), or when the signal aborts. */
  cleared(signal: AbortSignal): Promise<void> {
    if (this.why === null || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done)
        this.waiters = this.waiters.filter((w) => w !== done)
        resolve()
      }
      signal.addEventListener('abort', done, { once: true })
      this.waiters.push(done)
    })
  }

  /** A write failed (or its result could not be handled): pause the import with the reason. */
  fail(what: string, error: unknown): void {
    const first = this.why === null
    this.why = pauseReason(error)
    this.log.error('a write failed; the import is paused', { what, code: errorCode(error), error })
    if (first) this.onFault(this.why)
  }
}

/** A request that would write to a full disk is refused with the reason, in words. */
export function refusedOnFullDisk<T>(write: () => T): T {
  try {
    return write()
  } catch (error) {
    if (isDiskFull(error)) throw new AppFailure('io', DISK_FULL_REQUEST)
    throw error
  }
}
