import { memo, useMemo, useRef, useState, type PointerEvent } from 'react'
import styles from './TimelineScrubber.module.css'

/** A month on the scrubber: where its header starts in the grid (px) and what it says. */
export interface ScrubMark {
  row: number
  start: number
  year: number
  month: number
  label: string
  count: number
}

const MIN_YEAR_GAP = 16

/**
 * The timeline at the grid's edge (as in Immich and Google Photos): years, a tick per month
 * placed where that month is in the grid. Click a month to jump to it; drag along the strip to
 * scroll through the library, with the month under the pointer shown beside it.
 */
export const TimelineScrubber = memo(function TimelineScrubber({
  marks,
  totalSize,
  height,
  offset,
  viewport,
  onJump,
  onScrollTo
}: {
  marks: readonly ScrubMark[]
  totalSize: number
  height: number
  /** The grid's scroll position and visible height (px), for the position indicator. */
  offset: number
  viewport: number
  onJump(row: number): void
  onScrollTo(px: number): void
}) {
  const trackRef = useRef<HTMLDivElement>(null)
  const [hover, setHover] = useState<{ y: number; label: string } | null>(null)
  const [dragging, setDragging] = useState(false)
  const scale = totalSize > 0 ? height / totalSize : 0
  const yOf = (px: number): number => trackY(px, scale, height)

  // A year's label where there is room for it; its months' ticks always. Both stay the same
  // while the grid scrolls (only the position indicator moves), so they are not redrawn.
  const years = useMemo(() => {
    const out: { y: number; year: number; row: number }[] = []
    for (const m of marks) {
      const last = out.at(-1)
      if (last?.year === m.year) continue
      const y = trackY(m.start, scale, height)
      if (!last || y - last.y >= MIN_YEAR_GAP) out.push({ y, year: m.year, row: m.row })
    }
    return out
  }, [marks, scale, height])

  const markAt = (y: number): ScrubMark | undefined => {
    const px = y / (scale || 1)
    let found = marks[0]
    for (const m of marks) {
      if (m.start > px) break
      found = m
    }
    return found
  }
  const pointerY = (e: PointerEvent): number => {
    const box = trackRef.current!.getBoundingClientRect()
    return Math.max(0, Math.min(box.height, e.clientY - box.top))
  }
  const scrollToY = (y: number): void => {
    const fraction = height > 0 ? y / height : 0
    onScrollTo(Math.max(0, fraction * totalSize - viewport / 2))
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0 || e.target !== e.currentTarget) return
    e.currentTarget.setPointerCapture(e.pointerId)
    setDragging(true)
    scrollToY(pointerY(e))
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const y = pointerY(e)
    const m = markAt(y)
    setHover(m ? { y, label: m.label } : null)
    if (dragging) scrollToY(y)
  }
  const endDrag = (): void => setDragging(false)

  const thumbTop = yOf(offset)
  const thumbHeight = Math.max(4, viewport * scale)

  return (
    <nav className={styles.scrubber} aria-label="Timeline" style={{ height }}>
      <div
        ref={trackRef}
        className={styles.track}
        data-dragging={dragging}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => !dragging && setHover(null)}
      >
        <span className={styles.position} style={{ top: thumbTop, height: thumbHeight }} />
        {years.map((y) => (
          <button
            key={y.year}
            type="button"
            className={styles.year}
            style={{ top: y.y }}
            tabIndex={-1}
            aria-label={`Jump to ${y.year}`}
            onClick={() => onJump(y.row)}
          >
            {y.year}
          </button>
        ))}
        <MonthTicks marks={marks} scale={scale} height={height} onJump={onJump} />
        {hover && (
          <span className={styles.bubble} style={{ top: hover.y }} aria-hidden>
            {hover.label}
          </span>
        )}
      </div>
    </nav>
  )
})

const trackY = (px: number, scale: number, height: number): number =>
  Math.min(height - 1, px * scale)

/**
 * One button per month (keyboard and screen readers reach every month through them). A few
 * hundred buttons: memoised, as the scrubber renders on every scroll step for its indicator.
 */
const MonthTicks = memo(function MonthTicks({
  marks,
  scale,
  height,
  onJump
}: {
  marks: readonly ScrubMark[]
  scale: number
  height: number
  onJump(row: number): void
}) {
  return (
    <>
      {marks.map((m) => (
        <button
          key={m.row}
          type="button"
          className={styles.tick}
          style={{ top: trackY(m.start, scale, height) }}
          aria-label={`${m.label}, ${m.count.toLocaleString()} photo${m.count === 1 ? '' : 's'}`}
          title={m.label}
          onClick={() => onJump(m.row)}
        />
      ))}
    </>
  )
})
