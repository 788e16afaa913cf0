import { useEffect, useRef } from 'react'
import type { Place, Report } from '@shared/contract/weather'
import { ago, placeLabel } from '@shared/weather/time'
import type { Units } from '@shared/weather/units'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { CompareBody } from './CompareView'
import { formatFetched } from './HistoryView'
import { PhotosTakenThatDay } from '../photo-weather/PhotosTakenHere'
import { useTimeStyle } from './use-time-style'
import { ReportBody } from './ReportBody'
import { useReport } from './use-report'
import styles from './ReportDialog.module.css'

/** A modal panel over the history; Escape or the close button return to the list. */
function Panel({
  label,
  onClose,
  children
}: {
  label: string
  onClose: () => void
  children: React.ReactNode
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.focus()
    return () => before?.focus?.()
  }, [])
  return (
    <div className={styles.overlay} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={styles.panel}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <button type="button" className={styles.close} aria-label="Close" onClick={onClose}>
          ✕
        </button>
        {children}
      </div>
    </div>
  )
}

function Header({ report, place, now }: { report: Report; place?: Place; now: number }) {
  const style = useTimeStyle()
  return (
    <header className={styles.head}>
      <h2>{place ? placeLabel(place) : 'Report'}</h2>
      <p className={text.muted}>
        Fetched {formatFetched(report.fetchedAt, style)} ({ago(report.fetchedAt, now)}) from
        Open-Meteo · shown exactly as it was then
      </p>
    </header>
  )
}

/** An old report, read as of the moment it was fetched. */
export function ReportDialog({
  id,
  places,
  units,
  now,
  onClose
}: {
  id: number
  places: ReadonlyMap<number, Place>
  units: Units
  now: number
  onClose: () => void
}) {
  const { report, loading, error } = useReport(id)
  return (
    <Panel label="Stored report" onClose={onClose}>
      {loading && <p className={text.muted}>Opening the report…</p>}
      {error && <div className={layout.alert}>{error}</div>}
      {report && (
        <>
          <Header report={report} place={places.get(report.placeId)} now={now} />
          <ReportBody
            report={report}
            atSec={Math.floor(report.fetchedAt / 1000)}
            units={units}
            asFetched
          />
          <PhotosTakenThatDay
            place={places.get(report.placeId)}
            atMs={report.fetchedAt}
            utcOffsetSeconds={report.utcOffsetSeconds}
          />
        </>
      )}
    </Panel>
  )
}

/** Two reports side by side, the older on the left. */
export function CompareDialog({
  ids,
  places,
  units,
  now,
  onClose
}: {
  ids: [number, number]
  places: ReadonlyMap<number, Place>
  units: Units
  now: number
  onClose: () => void
}) {
  const a = useReport(ids[0])
  const b = useReport(ids[1])
  const error = a.error ?? b.error
  const ready = a.report && b.report
  const [older, newer] =
    ready && a.report!.fetchedAt > b.report!.fetchedAt
      ? [b.report!, a.report!]
      : [a.report, b.report]
  return (
    <Panel label="Compare two reports" onClose={onClose}>
      <h2>Compare reports</h2>
      {error && <div className={layout.alert}>{error}</div>}
      {!ready && !error && <p className={text.muted}>Opening both reports…</p>}
      {older && newer && (
        <CompareBody a={older} b={newer} places={places} units={units} now={now} />
      )}
    </Panel>
  )
}
