import type { Connectivity } from '@shared/contract/weather'

export interface RoundResult {
  /** Places whose forecast request ran to an answer or a failure (not cancelled). */
  attempted: number
  succeeded: number
  /** Failed because no connection could be made at all. */
  unreachable: number
}

/**
 * Whether Open-Meteo can be reached: offline once a whole refresh round failed for want of a
 * connection, online again with the next forecast that arrives. Changes are reported once.
 */
export class ConnectivityMonitor {
  private state: Connectivity

  constructor(
    lastSuccessAt: number | null,
    private readonly onChange?: (state: Connectivity) => void
  ) {
    this.state = { offline: false, since: null, lastSuccessAt }
  }

  get(): Connectivity {
    return { ...this.state }
  }

  get offline(): boolean {
    return this.state.offline
  }

  /** Whether a round with this result means the network is gone (rather than some places' faults). */
  static isUnreachable(r: RoundResult): boolean {
    return r.attempted > 0 && r.succeeded === 0 && r.unreachable === r.attempted
  }

  roundEnded(atMs: number, r: RoundResult): void {
    if (r.succeeded > 0) {
      const wasOffline = this.state.offline
      this.state = { offline: false, since: null, lastSuccessAt: atMs }
      if (wasOffline) this.onChange?.(this.get())
      return
    }
    if (ConnectivityMonitor.isUnreachable(r) && !this.state.offline) {
      this.state = { ...this.state, offline: true, since: atMs }
      this.onChange?.(this.get())
    }
  }
}
