/** How much queued work one animation frame may take. */
export interface FrameLimit {
  /** At most this many jobs a frame. */
  readonly perFrame?: number
  /** Stop starting jobs once this many milliseconds have gone in the frame (one always runs). */
  readonly budgetMs?: number
}

export interface FramePump {
  /** Queues a job for a coming frame; the returned function takes it back out. */
  enqueue(job: () => void): () => void
  readonly pending: number
}

/**
 * Work let into the page a little per animation frame, so the frame that answers a click or a
 * key never has to carry all of it: the grid's thumbnails, the placeholders they sit on.
 */
export function createFramePump(
  limit: FrameLimit,
  frame: (callback: () => void) => unknown = (callback) => requestAnimationFrame(callback),
  now: () => number = () => performance.now()
): FramePump {
  const waiting = new Set<() => void>()
  let scheduled = false

  const schedule = (): void => {
    if (scheduled || waiting.size === 0) return
    scheduled = true
    frame(run)
  }

  function run(): void {
    scheduled = false
    const start = now()
    let ran = 0
    for (const job of waiting) {
      if (limit.perFrame !== undefined && ran >= limit.perFrame) break
      if (limit.budgetMs !== undefined && ran > 0 && now() - start >= limit.budgetMs) break
      waiting.delete(job)
      ran++
      job()
    }
    schedule()
  }

  return {
    enqueue(job) {
      waiting.add(job)
      schedule()
      return () => {
        waiting.delete(job)
      }
    },
    get pending() {
      return waiting.size
    }
  }
}
