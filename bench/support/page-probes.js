// Installed in the page before the app (plain JavaScript: it is injected as is). Everything the
// window measures about itself while a benchmark drives it; counting starts when `armed`.
;(() => {
  const probe = { long: [], gaps: [], events: [], loop: [], sched: [], detail: [], armed: false }
  const view = () => document.querySelector('main')?.getAttribute('aria-label') ?? '?'
  window.__probe = probe
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!probe.armed) continue
      probe.long.push(e.duration)
      probe.detail.push({ kind: 'long', ms: Math.round(e.duration), view: view() })
    }
  }).observe({ type: 'longtask' })
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!probe.armed || !e.interactionId) continue
      probe.events.push(e.duration)
      if (e.duration > 50) {
        const handlers = Math.round(e.processingEnd - e.processingStart)
        const wait = Math.round(e.processingStart - e.startTime)
        probe.detail.push({ kind: e.name, ms: e.duration, wait, handlers, view: view() })
      }
    }
  }).observe({ type: 'event', durationThreshold: 16 })
  let last = performance.now()
  const frame = (t) => {
    if (probe.armed) probe.gaps.push(t - last)
    last = t
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()
