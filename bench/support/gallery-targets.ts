/** One measured case of bench:gallery: the app's frames beside the baseline's. */
export type GalleryCase = {
  rows: number
  size: string
  scroll: 'wheel' | 'flick'
  frame_p95_ms: number | null
  frame_p99_ms: number | null
  frame_max_ms: number | null
  long_tasks: number
  /** null when the run skipped the empty-cell check (--inspect off). */
  empty_cell_frames: number | null
  frames: number
  baseline_p95_ms: number | null
  baseline_p99_ms: number | null
  baseline_max_ms: number | null
  baseline_long_tasks: number
  probe_check_p95_ms: number | null
}

const FRAME_MS = 1000 / 60

/** Issue 11 §5's targets, each with whether this run met it. */
export function targets(cases: readonly GalleryCase[], openAt100k: number | null) {
  const out: { target: string; met: boolean }[] = []
  for (const c of cases) {
    const name = `${c.rows} ${c.size} ${c.scroll}`
    if (c.scroll === 'wheel') {
      out.push({
        target: `${name}: p95 ≤ baseline p95 + 16.7 ms`,
        met: c.frame_p95_ms! <= c.baseline_p95_ms! + FRAME_MS
      })
      out.push({
        target: `${name}: p99 ≤ baseline p99 + 16.7 ms`,
        met: c.frame_p99_ms! <= c.baseline_p99_ms! + FRAME_MS
      })
      out.push({
        target: `${name}: max ≤ 2 × baseline max`,
        met: c.frame_max_ms! <= 2 * c.baseline_max_ms!
      })
      out.push({ target: `${name}: 0 long tasks`, met: c.long_tasks === 0 })
      if (c.empty_cell_frames !== null)
        out.push({ target: `${name}: 0 empty-cell frames`, met: c.empty_cell_frames === 0 })
    } else if (c.empty_cell_frames !== null) {
      out.push({
        target: `${name}: ≤ 2 % of frames with an empty cell`,
        met: c.empty_cell_frames <= 0.02 * c.frames
      })
    }
  }
  if (openAt100k !== null)
    out.push({ target: 'open_ms ≤ 1000 at 100,000 rows', met: openAt100k <= 1000 })
  return out
}
