import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent
} from 'react'
import type { PhotoSummary, TimelineMonth } from '@shared/contract/library'
import { indexForKey } from '../../lib/list-keys'
import { headerAbove, layoutRows, rowOfIndex, type GridRow } from './grid-rows'
import { PhotoCell, clickMods } from './PhotoCell'
import type { ClickMods } from './selection'
import { TimelineScrubber, type ScrubMark } from './TimelineScrubber'
import styles from './PhotoGrid.module.css'

const GAP = 6
const HEADER = 40

interface PhotoGridProps {
  label: string
  total: number
  item(index: number): PhotoSummary | undefined
  /** Asks for the photos first..last (the rows drawn, and a screen ahead) to be fetched. */
  ensure(first: number, last: number): void
  /** A click, Enter or Space on a photo; the view decides: open, pick, pick a range. */
  onActivate(index: number, mods: ClickMods): void
  /** The cell to bring into view and focus (e.g. after the lightbox closes). */
  focusIndex: number | null
  /** The cell size aimed at (the size control); cells stretch to fill the width. */
  targetSize: number
  /** Months in list order (dated sorts): sections with sticky headers and the scrubber. */
  months: readonly TimelineMonth[] | null
  selected: ReadonlySet<number>
}

function useBox(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [box, setBox] = useState({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const read = (): void => setBox({ width: el.clientWidth, height: el.clientHeight })
    read()
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return box
}

/**
 * The gallery: only the rows on screen (plus a few) exist in the DOM, so 100,000 photos cost
 * the same as 100. With a dated sort, each month starts under its own header, which sticks to
 * the top while its photos scroll by, and the timeline scrubber sits at the edge. Arrow keys
 * move between photos; Enter opens one, Space picks it.
 */
export const PhotoGrid = memo(function PhotoGrid({
  label,
  total,
  item,
  ensure,
  onActivate,
  focusIndex,
  targetSize,
  months,
  selected
}: PhotoGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const { width, height } = useBox(scrollRef)
  const columns = Math.max(1, Math.floor((width + GAP) / (targetSize + GAP)))
  const cell = width > 0 ? Math.floor((width - GAP * (columns - 1)) / columns) : targetSize
  const rows = useMemo(() => layoutRows(total, columns, months), [total, columns, months])
  const [active, setActive] = useState(0)

  // Each row's top (px): sizes are known ahead, so the scrubber can place every month.
  const starts = useMemo(() => {
    const out = new Float64Array(rows.length + 1)
    for (let i = 0; i < rows.length; i++)
      out[i + 1] = out[i]! + (rows[i]!.kind === 'header' ? HEADER : cell + GAP)
    return out
  }, [rows, cell])

  const activeHeader = useRef(-1)
  const rangeExtractor = useCallback(
    (range: Range) => {
      activeHeader.current = headerAbove(rows, range.startIndex)
      const indexes = defaultRangeExtractor(range)
      if (activeHeader.current >= 0 && !indexes.includes(activeHeader.current))
        indexes.unshift(activeHeader.current)
      return indexes
    },
    [rows]
  )

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER : cell + GAP),
    rangeExtractor,
    // Rows a fast flick lands on already exist, with their placeholder colours.
    overscan: Math.max(4, Math.ceil(height / (cell + GAP))),
    getItemKey: (i) => {
      const r = rows[i]
      return r ? `${r.kind}-${r.first}` : i
    }
  })
  useEffect(() => virtualizer.measure(), [starts, virtualizer])

  // The pages of the rows drawn are fetched, and a screen's worth either side.
  const drawn = virtualizer.getVirtualItems()
  const firstRow = rows[drawn.find((v) => v.index !== activeHeader.current)?.index ?? 0]
  const lastRow = rows[drawn.at(-1)?.index ?? 0]
  const firstDrawn = firstRow?.first ?? 0
  const lastDrawn = lastRow ? lastRow.first + lastRow.count - 1 : -1
  useEffect(() => {
    if (lastDrawn < 0) return
    const ahead = lastDrawn - firstDrawn + 1
    ensure(Math.max(0, firstDrawn - ahead), Math.min(total - 1, lastDrawn + ahead))
  }, [ensure, firstDrawn, lastDrawn, total])

  const focusCell = (index: number): void => {
    const clamped = Math.max(0, Math.min(total - 1, index))
    setActive(clamped)
    virtualizer.scrollToIndex(rowOfIndex(rows, clamped), { align: 'auto' })
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus()
    )
  }

  useEffect(() => {
    if (focusIndex !== null && focusIndex < total) focusCell(focusIndex)
    // Only when the requested focus changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusIndex])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === ' ' || e.key === 'Enter') {
      if (!(e.target instanceof HTMLElement) || e.target.dataset.index === undefined) return
      onActivate(active, e.key === ' ' ? { ...clickMods(e), toggle: true } : clickMods(e))
      e.preventDefault()
      return
    }
    const rowsPerPage = Math.max(1, Math.floor((height || 600) / (cell + GAP)))
    const to = indexForKey(e.key, active, { count: total, columns, rowsPerPage })
    if (to === null) return
    focusCell(to)
    e.preventDefault()
  }

  const marks = useMemo<ScrubMark[]>(
    () =>
      rows.flatMap((r, i) =>
        r.kind === 'header'
          ? [
              {
                row: i,
                start: starts[i]!,
                year: r.year,
                month: r.month,
                label: r.label,
                count: r.count
              }
            ]
          : []
      ),
    [rows, starts]
  )
  const totalSize = starts[rows.length] ?? 0
  const jump = useCallback(
    (row: number) => virtualizer.scrollToIndex(row, { align: 'start' }),
    [virtualizer]
  )
  const scrollTo = useCallback(
    (px: number) => virtualizer.scrollToOffset(px, { align: 'start' }),
    [virtualizer]
  )
  const selecting = selected.size > 0

  return (
    <div className={styles.wrap}>
      <div
        ref={scrollRef}
        className={styles.grid}
        role="grid"
        aria-label={label}
        aria-multiselectable
        aria-rowcount={rows.length}
        aria-colcount={columns}
        onKeyDown={onKeyDown}
      >
        <div className={styles.inner} style={{ height: virtualizer.getTotalSize() }}>
          {drawn.map((v) => {
            const row = rows[v.index]
            if (!row) return null
            if (row.kind === 'header') {
              return (
                <MonthHeader
                  key={v.key}
                  label={row.label}
                  count={row.count}
                  rowIndex={v.index}
                  start={v.start}
                  sticky={v.index === activeHeader.current}
                />
              )
            }
            return (
              <PhotoRow
                key={v.key}
                row={row}
                rowIndex={v.index}
                start={v.start}
                cell={cell}
                item={item}
                active={active}
                selected={selected}
                selecting={selecting}
                onActivate={onActivate}
                onFocusCell={setActive}
              />
            )
          })}
        </div>
      </div>
      {marks.length > 0 && height > 0 && (
        <TimelineScrubber
          marks={marks}
          totalSize={totalSize}
          height={height}
          offset={virtualizer.scrollOffset ?? 0}
          viewport={height}
          onJump={jump}
          onScrollTo={scrollTo}
        />
      )}
    </div>
  )
})

/** A month's header row; the one of the month on screen sticks to the top. */
const MonthHeader = memo(function MonthHeader({
  label,
  count,
  rowIndex,
  start,
  sticky
}: {
  label: string
  count: number
  rowIndex: number
  start: number
  sticky: boolean
}) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 1}
      className={styles.header}
      data-sticky={sticky}
      style={sticky ? undefined : { transform: `translateY(${start}px)` }}
    >
      <h3 role="rowheader" className={styles.headerText}>
        {label}
        <span className={styles.headerCount}>{count.toLocaleString()}</span>
      </h3>
    </div>
  )
})

/**
 * A row of photos. Memoised: the grid renders on every scroll step that changes the rows drawn,
 * and a row already on screen (same photos, same place) has nothing to redraw.
 */
const PhotoRow = memo(function PhotoRow({
  row,
  rowIndex,
  start,
  cell,
  item,
  active,
  selected,
  selecting,
  onActivate,
  onFocusCell
}: {
  row: Extract<GridRow, { kind: 'photos' }>
  rowIndex: number
  start: number
  cell: number
  item(index: number): PhotoSummary | undefined
  active: number
  selected: ReadonlySet<number>
  selecting: boolean
  onActivate(index: number, mods: ClickMods): void
  onFocusCell(index: number): void
}) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 1}
      className={styles.row}
      style={{ transform: `translateY(${start}px)`, height: cell, gap: GAP }}
    >
      {Array.from({ length: row.count }, (_, col) => {
        const index = row.first + col
        const photo = item(index)
        return (
          <PhotoCell
            key={col}
            index={index}
            size={cell}
            photo={photo}
            tabbable={index === active}
            selected={photo !== undefined && selected.has(photo.id)}
            selecting={selecting}
            onActivate={onActivate}
            onFocusCell={onFocusCell}
          />
        )
      })}
    </div>
  )
})
