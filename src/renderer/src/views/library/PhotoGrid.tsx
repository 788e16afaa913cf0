import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { PhotoSummary } from '@shared/contract/library'
import { indexForKey } from '../../lib/list-keys'
import { usePlaceholder } from './placeholder'
import { useRevealed } from './use-reveal'
import styles from './PhotoGrid.module.css'

const TARGET_CELL = 168
const GAP = 6

interface PhotoGridProps {
  total: number
  item(index: number): PhotoSummary | undefined
  /** Asks for the photos first..last (the rows drawn) to be fetched. */
  ensure(first: number, last: number): void
  onOpen(index: number): void
  /** The cell to bring into view and focus (e.g. after the lightbox closes). */
  focusIndex: number | null
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    setWidth(el.clientWidth)
    const observer = new ResizeObserver(() => setWidth(el.clientWidth))
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/**
 * The gallery: only the rows on screen (plus a few) exist in the DOM, so 10,000 photos cost
 * the same as 100. Each cell shows its thumbhash placeholder at once and the thumbnail when
 * it arrives. Arrow keys move between photos; Enter opens one. Memoized: a page that arrives
 * re-renders it once, as a transition, not again with the view's urgent updates.
 */
export const PhotoGrid = memo(function PhotoGrid({
  total,
  item,
  ensure,
  onOpen,
  focusIndex
}: PhotoGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const width = useWidth(scrollRef)
  const columns = Math.max(1, Math.floor((width + GAP) / (TARGET_CELL + GAP)))
  const cell = width > 0 ? (width - GAP * (columns - 1)) / columns : TARGET_CELL
  const rows = Math.ceil(total / columns)
  const [active, setActive] = useState(0)

  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cell + GAP,
    overscan: 3
  })
  useEffect(() => virtualizer.measure(), [cell, virtualizer])

  // The pages of the rows drawn (overscan included) are fetched; the others wait for a scroll.
  const drawn = virtualizer.getVirtualItems()
  const firstDrawn = (drawn[0]?.index ?? 0) * columns
  const lastDrawn = Math.min(total, ((drawn.at(-1)?.index ?? -1) + 1) * columns) - 1
  useEffect(() => ensure(firstDrawn, lastDrawn), [ensure, firstDrawn, lastDrawn])

  const focusCell = (index: number): void => {
    const clamped = Math.max(0, Math.min(total - 1, index))
    setActive(clamped)
    virtualizer.scrollToIndex(Math.floor(clamped / columns), { align: 'auto' })
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
    const rowsPerPage = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 600) / (cell + GAP))
    )
    const to = indexForKey(e.key, active, { count: total, columns, rowsPerPage })
    if (to === null) return
    focusCell(to)
    e.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className={styles.grid}
      role="grid"
      aria-label="Photos"
      aria-rowcount={rows}
      aria-colcount={columns}
      onKeyDown={onKeyDown}
    >
      <div className={styles.inner} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className={styles.row}
            style={{ transform: `translateY(${row.start}px)`, height: cell, gap: GAP }}
          >
            {Array.from({ length: columns }, (_, col) => {
              const index = row.index * columns + col
              if (index >= total) return null
              return (
                <PhotoCell
                  key={col}
                  index={index}
                  size={cell}
                  photo={item(index)}
                  tabbable={index === active}
                  onOpen={() => onOpen(index)}
                  onFocus={() => setActive(index)}
                />
              )
            })}
          </div>
        ))}
      </div>
    </div>
  )
})

function PhotoCell({
  index,
  size,
  photo,
  tabbable,
  onOpen,
  onFocus
}: {
  index: number
  size: number
  photo: PhotoSummary | undefined
  tabbable: boolean
  onOpen(): void
  onFocus(): void
}) {
  const [loaded, setLoaded] = useState<string | null>(null)
  const revealed = useRevealed(photo?.thumb)
  const placeholder = usePlaceholder(photo?.placeholder)
  return (
    <div role="gridcell" className={styles.cellWrap} style={{ width: size, height: size }}>
      <button
        type="button"
        className={styles.cell}
        data-index={index}
        tabIndex={tabbable ? 0 : -1}
        aria-label={photo ? photo.name : `Photo ${index + 1}, loading`}
        onClick={onOpen}
        onFocus={onFocus}
        style={{
          backgroundColor: placeholder.color,
          backgroundImage: placeholder.url ? `url("${placeholder.url}")` : undefined
        }}
      >
        {photo && revealed && (
          <img
            src={photo.thumb}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            data-loaded={loaded === photo.thumb}
            onLoad={() => setLoaded(photo.thumb)}
          />
        )}
      </button>
    </div>
  )
}
