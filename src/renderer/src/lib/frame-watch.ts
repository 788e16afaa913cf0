/**
 * Watches the window's own smoothness: the gap before each animation frame and every Long
 * Task (≥ 50 ms). Returns the stop function. A gap of seconds means the page was hidden
 * (rAF pauses), not a slow frame, so it is not reported.
 */
export function watchFrames(handlers: {
  onGap(ms: number): void
  onLongTask(ms: number): void
}): () => void {
  let last = performance.now()
  let raf = requestAnimationFrame(function frame(t) {
    if (t - last < 2000) handlers.onGap(t - last)
    last = t
    raf = requestAnimationFrame(frame)
  })
  const observer = PerformanceObserver.supportedEntryTypes?.includes('longtask')
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) handlers.onLongTask(entry.duration)
      })
    : null
  observer?.observe({ type: 'longtask' })
  return () => {
    cancelAnimationFrame(raf)
    observer?.disconnect()
  }
}
