import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Place, ReportSummary } from '../../../../shared/contract/weather'
import { ago, placeLabel } from '../../../../shared/weather/time'
import { formatTemperature, type Units } from '../../../../shared/weather/units'
import { condition } from '../../../../shared/weather/wmo'
import { call } from '../../lib/api'
import { useHistory, type HistoryFilter } from './use-history'
import { WeatherIcon } from './WeatherIcon'

const ROW = 48
const dateTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit'
})
export const formatFetched = (ms: number): string => dateTime.format(new Date(ms))

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
  const [known, setKnown] = useState<Place[]>([])
  const [picked, setPicked] = useState<number[]>([])
  const filter = useMemo<HistoryFilter>(
    () => ({ placeId, from: dayStart(from), to: dayEnd(to) }),
    [placeId, from, to]
  )
  const { total, rowAt, ensure, error } = useHistory(filter)
  const names = useMemo(() => new Map(known.map((p) => [p.id, p])), [known])

  useEffect(() => {
    call('weather:known-places', {})
      .then((r) => setKnown(r.places))
      .catch(() => undefined)
  }, [total])

  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 6
  })
  const items = virtual.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (items.length) ensure(first, last)
  }, [first, last, items.length, ensure])

  // Keyboard scrolling jumps in one step: one frame per key press instead of a smooth-scroll
  // animation that re-renders rows on every frame.
  const onListKey = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const el = scroller.current
    if (!el || e.target !== el) return
    const page = Math.max(ROW, el.clientHeight - ROW)
    const to: Record<string, number> = {
      PageDown: el.scrollTop + page,
      PageUp: el.scrollTop - page,
      ArrowDown: el.scrollTop + ROW,
      ArrowUp: el.scrollTop - ROW,
      Home: 0,
      End: el.scrollHeight
    }
    const top = to[e.key]
    if (top === undefined) return
    e.preventDefault()
    el.scrollTop = top
  }

  const toggle = useCallback(
    (id: number): void =>
      setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id])),
    []
  )

  return (
    <section className="wx-history" aria-label="Report history">
      <div className="toolbar wx-history-filters">
        <label>
          <span className="visually-hidden">Place</span>
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
        <label className="wx-date">
          From{' '}
          <input
            type="date"
            aria-label="From date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="wx-date">
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
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {total === null
            ? 'Loading…'
            : `${total.toLocaleString()} report${total === 1 ? '' : 's'}`}
          {picked.length > 0 && ` · ${picked.length} of 2 picked to compare`}
        </span>
        <button
          type="button"
          className="primary"
          disabled={picked.length !== 2}
          onClick={() => onCompare(picked[0]!, picked[1]!)}
        >
          Compare
        </button>
      </div>
      {error && <div className="alert">{error}</div>}
      <div className="wx-history-head" aria-hidden="true">
        <span />
        <span>Fetched</span>
        <span>Place</span>
        <span>Conditions then</span>
        <span className="num">Temp</span>
        <span className="num">High / low</span>
      </div>
      <div
        ref={scroller}
        className="wx-history-scroll"
        role="list"
        aria-label="Stored reports"
        tabIndex={-1}
        onKeyDown={onListKey}
      >
        {total === 0 && (
          <p className="muted wx-history-empty">
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
                total={total ?? 0}
                report={r}
                place={r ? names.get(r.placeId) : undefined}
                picked={r !== null && picked.includes(r.id)}
                units={units}
                now={now}
                onToggle={toggle}
                onOpen={onOpen}
              />
            )
          })}
        </div>
      </div>
    </section>
  )
}

/** One history row; memoized so scrolling renders only the rows that come into view. */
const HistoryRow = memo(function HistoryRow({
  index,
  start,
  total,
  report: r,
  place,
  picked,
  units,
  now,
  onToggle,
  onOpen
}: {
  index: number
  start: number
  total: number
  report: ReportSummary | null
  place: Place | undefined
  picked: boolean
  units: Units
  now: number
  onToggle: (id: number) => void
  onOpen: (id: number) => void
}) {
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`wx-history-row${picked ? ' picked' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW }}
    >
      {r ? (
        <>
          <input
            type="checkbox"
            aria-label={`Pick the report of ${formatFetched(r.fetchedAt)} to compare`}
            checked={picked}
            onChange={() => onToggle(r.id)}
          />
          <button
            type="button"
            className="wx-history-open"
            onClick={() => onOpen(r.id)}
            aria-label={`Open the report for ${place ? placeLabel(place) : 'a place'} fetched ${formatFetched(r.fetchedAt)}`}
          >
            <span>
              {formatFetched(r.fetchedAt)} <span className="muted">· {ago(r.fetchedAt, now)}</span>
            </span>
            <span className="wx-history-place">
              {place ? placeLabel(place) : '…'}
              {place?.removed && <span className="muted"> (removed)</span>}
            </span>
            <span className="wx-cond">
              <WeatherIcon code={r.weatherCode} isDay={r.isDay} size={22} />
              {condition(r.weatherCode).words}
            </span>
            <span className="num">{formatTemperature(r.temperature, units.temperature)}</span>
            <span className="num muted">
              {formatTemperature(r.tempMax, units.temperature)} /{' '}
              {formatTemperature(r.tempMin, units.temperature)}
            </span>
          </button>
        </>
      ) : (
        <span className="muted wx-history-loading">Loading…</span>
      )}
    </div>
  )
})
