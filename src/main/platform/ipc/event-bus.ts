import { events, type EventName, type EventPayload } from '@shared/contract'
import type { Logger } from '../log'

export type EventSink = (event: EventName, payload: unknown) => void

/**
 * Main → renderer pushes. Payloads are validated against the contract before they leave,
 * so a renderer never receives data its types do not describe.
 */
export class EventBus {
  private readonly sinks = new Set<EventSink>()

  constructor(private readonly log: Logger) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].payload.safeParse(payload)
    if (!parsed.success) {
      this.log.error('dropped an event outside the contract', {
        event,
        issues: parsed.error.message
      })
      return
    }
    for (const sink of this.sinks) {
      try {
        sink(event, parsed.data)
      } catch (error) {
        this.log.warn('event sink failed', { event, error })
      }
    }
  }

  /** Adds a destination (a window, a socket); returns its removal. */
  connect(sink: EventSink): () => void {
    this.sinks.add(sink)
    return () => this.sinks.delete(sink)
  }
}
