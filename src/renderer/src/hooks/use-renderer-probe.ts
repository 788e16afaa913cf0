import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { BenchProgress, RendererFigures } from '@shared/contract'
import { cacheWriterFor } from '../data/cache-writer'
import { call, errorText } from '../lib/api'
import { watchFrames } from '../lib/frame-watch'
import { quantile } from '../lib/ring'

const INTERACTION_EVERY_MS = 250

interface Window {
  runId: number
  index: number
  repeat: number
  gaps: number[]
  long: number
  inputs: number[]
  probeFailures: number
}

/**
 * While a "test both" strategy runs, the window measures itself: frame gaps, long tasks, and a
 * scripted interaction that needs the main process (request → answer → next paint). Each
 * measured pass is its own window (the warm-up, pass 0, is not measured); when the pass ends,
 * its figures go to main to be stored with that repeat, and the stored runs are read again.
 * `onError` hears (in words) when they could not be stored, since the results will lack them.
 */
export function useRendererProbe(
  progress: BenchProgress | null,
  onError: (message: string) => void
): void {
  const client = useQueryClient()
  const report = (w: Window): void => {
    const figures: RendererFigures = {
      longTasks: w.long,
      frameP99Ms: quantile(w.gaps, 0.99),
      inputP99Ms: quantile(w.inputs, 0.99)
    }
    call('bench:renderer-report', { runId: w.runId, index: w.index, repeat: w.repeat, figures })
      // Stored after the pass's row was: the shown run is read again to show them.
      .then(() => cacheWriterFor(client).invalidate('bench:runs'))
      .catch((e: unknown) =>
        onError(
          `The window's figures for strategy ${w.index + 1}, repeat ${w.repeat} of run ${w.runId} could not be stored: ${errorText(e)}`
        )
      )
  }

  // Runs from before repeats have no `repeat`: their one pass counts as pass 1.
  const running = progress?.phase === 'running' && (progress.repeat ?? 1) > 0 ? progress : null
  const key = running ? `${running.runId}:${running.index}:${running.repeat ?? 1}` : null

  useEffect(() => {
    if (!running) return
    const w: Window = {
      runId: running.runId,
      index: running.index,
      repeat: running.repeat ?? 1,
      gaps: [],
      long: 0,
      inputs: [],
      probeFailures: 0
    }
    const stop = watchFrames({
      onGap: (ms) => w.gaps.push(ms),
      onLongTask: () => w.long++
    })
    const probe = (): void => {
      const t0 = performance.now()
      call('app:status', {})
        .then(() => new Promise((resolve) => requestAnimationFrame(resolve)))
        .then(() => w.inputs.push(performance.now() - t0))
        // A probe that fails is not timed; said once per strategy, not four times a second.
        .catch((e: unknown) => {
          if (w.probeFailures++ === 0)
            console.warn('Test both: the interaction probe got no answer from main:', errorText(e))
        })
    }
    // At once too: a short pass still gets an interaction timed.
    probe()
    const timer = setInterval(probe, INTERACTION_EVERY_MS)
    return () => {
      stop()
      clearInterval(timer)
      // Answers to the last probe land after the strategy ended; they belong to it all the same.
      setTimeout(() => report(w), 300)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
}
