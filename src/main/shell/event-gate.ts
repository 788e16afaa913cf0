export interface PushedEvent {
  readonly event: string
  readonly payload: unknown
}

/**
 * Holds main → renderer events while the page is loading (nobody is subscribed yet) and
 * delivers them, in order, once it has loaded. Bounded: a page that never loads cannot grow
 * the queue without end; the oldest events go first (most events are state snapshots).
 */
export class EventGate {
  private readonly queue: PushedEvent[] = []
  private open = false
  private dropped = 0

  constructor(
    private readonly deliver: (event: PushedEvent) => void,
    private readonly limit = 500
  ) {}

  push(event: string, payload: unknown): void {
    if (this.open) {
      this.deliver({ event, payload })
      return
    }
    this.queue.push({ event, payload })
    if (this.queue.length > this.limit) {
      this.queue.shift()
      this.dropped++
    }
  }

  /** The page finished loading: flush what waited, then deliver directly. */
  opened(): void {
    this.open = true
    for (const event of this.queue.splice(0)) this.deliver(event)
  }

  /** The page is (re)loading: hold events again until it has. */
  closed(): void {
    this.open = false
  }

  /** Events dropped because the queue was full; for a log line. */
  takeDropped(): number {
    const n = this.dropped
    this.dropped = 0
    return n
  }
}
