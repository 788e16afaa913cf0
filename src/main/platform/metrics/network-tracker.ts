import type { NetworkSample } from '@shared/contract'

/**
 * Network requests in flight and those finished since the last read, for the Activity view.
 * A client calls start() as a request goes out and the returned function when it settles.
 */
export class NetworkTracker {
  private nextId = 1
  private readonly open = new Map<number, { host: string; label: string; startedAt: number }>()
  private finished: NetworkSample['finished'] = []
  private readonly listeners = new Set<(done: NetworkSample['finished'][number]) => void>()

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly keepFinished = 500
  ) {}

  start(host: string, label: string): (ok: boolean) => void {
    const id = this.nextId++
    const startedAt = this.now()
    this.open.set(id, { host, label, startedAt })
    return (ok) => {
      if (!this.open.delete(id)) return
      const done = { host, ms: this.now() - startedAt, ok }
      this.finished.push(done)
      for (const listener of this.listeners) listener(done)
      if (this.finished.length > this.keepFinished)
        this.finished.splice(0, this.finished.length - this.keepFinished)
    }
  }

  /** Hears every finished request (a benchmark run measuring latency). */
  onFinished(listener: (done: NetworkSample['finished'][number]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get inFlightCount(): number {
    return this.open.size
  }

  /** What is open now, and what finished since the previous read. */
  read(): NetworkSample {
    const at = this.now()
    const sample: NetworkSample = {
      inFlight: [...this.open.values()].map((r) => ({
        host: r.host,
        label: r.label,
        ageMs: at - r.startedAt
      })),
      finished: this.finished
    }
    this.finished = []
    return sample
  }
}
