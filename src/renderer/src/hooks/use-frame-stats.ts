import { useEffect, useState } from 'react'
import { watchFrames } from '../lib/frame-watch'
import { pushRing, quantile } from '../lib/ring'

export interface FrameWindow {
  at: number
  /** 99th percentile and worst gap between animation frames in the window. */
  frameP99Ms: number
  frameMaxMs: number
  fps: number
  /** Long tasks (≥ 50 ms) that ended in the window, and their total length. */
  longTasks: number
  longTaskMs: number
}

/**
 * The renderer's own smoothness, measured in the page: requestAnimationFrame gaps and Long
 * Tasks, summarised every `periodMs`. Nothing runs while the page is hidden (rAF pauses).
 */
export function useFrameStats(periodMs = 500, capacity = 120): FrameWindow[] {
  const [series, setSeries] = useState<FrameWindow[]>([])

  useEffect(() => {
    let gaps: number[] = []
    let long: number[] = []
    const stop = watchFrames({
      onGap: (ms) => gaps.push(ms),
      onLongTask: (ms) => long.push(ms)
    })

    const timer = setInterval(() => {
      if (document.hidden) return
      const windowGaps = gaps
      const windowLong = long
      gaps = []
      long = []
      const total = windowGaps.reduce((a, b) => a + b, 0)
      const sample: FrameWindow = {
        at: Date.now(),
        frameP99Ms: quantile(windowGaps, 0.99),
        frameMaxMs: windowGaps.length ? Math.max(...windowGaps) : 0,
        fps: total > 0 ? (windowGaps.length * 1000) / total : 0,
        longTasks: windowLong.length,
        longTaskMs: windowLong.reduce((a, b) => a + b, 0)
      }
      setSeries((s) => pushRing(s, sample, capacity))
    }, periodMs)

    return () => {
      stop()
      clearInterval(timer)
    }
  }, [periodMs, capacity])

  return series
}
