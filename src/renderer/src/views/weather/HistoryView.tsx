import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Place } from '@shared/contract/weather'
import { placeLabel } from '@shared/weather/time'
import type { Units } from '@shared/weather/units'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { indexForKey } from '../../lib/list-keys'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { HistoryChart } from './HistoryChart'
import { HistoryRow, ROW } from './HistoryRow'
import { useTimeStyle } from './use-time-style'
import { useHistory, type HistoryFilter } from './use-history'
import columns from './history-columns.module.css'
import styles from './HistoryView.module.css'

export { formatFetched } from './HistoryRow'

const OVERSCAN = 6
const noPlaces: Place[] = []

const dayStart = (v: string): number | null => (v ? new Date(`${v}T00:00:00`).getTime() : null)
const dayEnd = (v: string): number | null => (v ? new Date(`${v}T23:59:59.999`).getTime() : null)

/** Every stored report, newest first, virtualized; filter, open one, or pick two to compare. */
export function HistoryView({
  units,
  now,
  initialPlaceId,
  onOpen,
  onCompare
}: {
  units: Units
  now: number
  initialPlaceId: number | null
  onOpen: (id: number) => void
  onCompare: (a: number, b: number) => void
}) {
  const [placeId, setPlaceId] = useState<number | null>(initialPlaceId)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [picked, setPicked] = useState<number[]>([])
  const filter = useMemo<HistoryFilter>(
    () => ({ placeId, from: dayStart(from), to: dayEnd(to) }),
    [placeId, from, to]
  )
  const { total, rowAt, ensure, error } = useHistory(filter)
  // Kept current by places and reports events (data/invalidations.ts).
  const knownPlaces = useApiQuery('weather:known-places', {})
  const known = knownPlaces.data?.places ?? noPlaces
  const names = useMemo(() => new Map(known.map((p) => [p.id, p])), [known])

  // The active row: the list's one Tab stop, where arrow keys move from. A new filter starts
  // over at the top.
  const [active, setActive] = useState(0)
  const [activeFor, setActiveFor] = useState(filter)
  if (activeFor !== filter) {
    setActiveFor(filter)
    setActive(0)
  }
  const count = total ?? 0
  const current = Math.max(0, Math.min(active, count - 1))

  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: OVERSCAN,
    // The active row stays rendered when scrolled away, so Tab still reaches the list and
    // focus is not lost with the row.
    rangeExtractor: useCallback(
      (range: Range) => {
        const near = defaultRangeExtractor(range)
        if (current >= range.count || near.includes(current)) return near
        return [...near, current].sort((a, b) => a - b)
      },
      [current]
    )
  })
  const items = virtual.getVirtualItems()
  const first = Math.max(0, (virtual.range?.startIndex ?? 0) - OVERSCAN)
  const last = Math.min(count - 1, (virtual.range?.endIndex ?? 0) + OVERSCAN)
  useEffect(() => {
    if (!items.length) return
    ensure(first, last)
    ensure(current, current)
  }, [first, last, current, items.length, ensure])

  const toggle = useCallback(
    (id: number): void =>
      setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id])),
    []
  )

  // Scroll first, then focus once the row is rendered (rows off screen are not in the DOM).
  // One jump per key press, no smooth scrolling: one frame of rows, not an animation's worth.
  const focusRow = (index: number): void => {
    setActive(index)
    virtual.scrollToIndex(index, { align: 'auto' })
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus()
    )
  }

  const onListKey = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const el = scroller.current
    if (!el || count === 0 || e.altKey || e.ctrlKey || e.metaKey) return
    const target = e.target as HTMLElement
    const row = target.closest<HTMLElement>('[aria-posinset]')
    const from = row ? Number(row.getAttribute('aria-posinset')) - 1 : current
    // Space on a row picks it to compare (a checkbox toggles itself).
    if (e.key === ' ' && target.dataset.index !== undefined) {
      e.preventDefault()
      const r = rowAt(from)
      if (r) toggle(r.id)
      return
    }
    const rowsPerPage = Math.max(1, Math.floor(el.clientHeight / ROW))
    const to = indexForKey(e.key, from, { count, rowsPerPage })
    if (to === null) return
    e.preventDefault()
    focusRow(to)
  }
  const hint = useId()
  const style = useTimeStyle()
  // The chart follows the place filter, or else the active row's place.
  const chartPlace = names.get(placeId ?? rowAt(current)?.placeId ?? -1)

  return (
    <section aria-label="Report history">
      <div className={`${layout.toolbar} ${styles.filters}`}>
        <label>
          <span className={text.visuallyHidden}>Place</span>
          <select
            aria-label="Filter by place"
            value={placeId ?? ''}
            onChange={(e) => setPlaceId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All places</option>
            {known.map((p) => (
              <option key={p.id} value={p.id}>
                {placeLabel(p)}
                {p.removed ? ' (removed)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            aria-label="From date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            aria-label="To date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        {(placeId !== null || from || to) && (
          <button
            type="button"
            onClick={() => {
              setPlaceId(null)
              setFrom('')
              setTo('')
            }}
          >
            Clear filters
          </button>
        )}
        <span className={layout.spacer} />
        <span className={text.muted} aria-live="polite">
          {total === null
            ? 'Loading…'
            : `${total.toLocaleString()} report${total === 1 ? '' : 's'}`}
          {picked.length > 0 && ` · ${picked.length} of 2 picked to compare`}
        </span>
        <button
          type="button"
          className={buttons.primary}
          disabled={picked.length !== 2}
          onClick={() => onCompare(picked[0]!, picked[1]!)}
        >
          Compare
        </button>
      </div>
      {error && <div className={layout.alert}>{error}</div>}
      {knownPlaces.error && (
        <ErrorNotice error={knownPlaces.error} what="Place names could not be read" />
      )}
      <span id={hint} className={text.visuallyHidden}>
        Arrow keys move between reports, Enter opens one, Space picks it to compare.
      </span>
      <div className={styles.split}>
        <div className={styles.list}>
          <div className={`${columns.columns} ${styles.head}`} aria-hidden="true">
            <span />
            <span>Fetched</span>
            <span>Place</span>
            <span>Conditions then</span>
            <span>Temp</span>
            <span>High / low</span>
          </div>
          <div
            ref={scroller}
            className={styles.scroll}
            role="list"
            aria-label="Stored reports"
            tabIndex={-1}
            onKeyDown={onListKey}
          >
            {total === 0 && (
              <p className={`${text.muted} ${styles.empty}`}>
                No reports{placeId !== null || from || to ? ' match these filters' : ' stored yet'}.
              </p>
            )}
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const r = rowAt(item.index)
                return (
                  <HistoryRow
                    key={item.key}
                    index={item.index}
                    start={item.start}
                    total={count}
                    report={r}
                    place={r ? names.get(r.placeId) : undefined}
                    picked={r !== null && picked.includes(r.id)}
                    tabbable={item.index === current}
                    describedBy={hint}
                    units={units}
                    now={now}
                    onToggle={toggle}
                    onOpen={onOpen}
                    onActive={setActive}
                  />
                )
              })}
            </div>
          </div>
        </div>
        {chartPlace && (
          <HistoryChart
            place={chartPlace}
            from={filter.from}
            to={filter.to}
            units={units}
            style={style}
          />
        )}
      </div>
    </section>
  )
}
