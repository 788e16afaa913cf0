import { useEffect, useState } from 'react'
import type { Report } from '@shared/contract/weather'
import { useEvent } from '../../hooks/use-event'
import { call, errorText } from '../../lib/api'

interface Loaded {
  /** The request this answers; a different one means the next answer is on its way. */
  key: string
  report: Report | null
  error: string | null
}
export interface ReportState {
  report: Report | null
  loading: boolean
  error: string | null
}

function useLoaded(key: string | null, load: () => Promise<Report | null>): ReportState {
  const [state, setState] = useState<Loaded | null>(null)
  useEffect(() => {
    if (key === null) return
    let live = true
    load()
      .then((report) => live && setState({ key, report, error: null }))
      .catch((e: unknown) => live && setState({ key, report: null, error: errorText(e) }))
    return () => {
      live = false
    }
    // `load` is derived from `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  if (key === null) return { report: null, loading: false, error: null }
  const current = state?.key === key
  return {
    // A place's previous report stays up while its newer one loads.
    report: state?.report ?? null,
    loading: !current,
    error: current ? (state?.error ?? null) : null
  }
}

/** A place's latest stored report; reloaded when a newer one is stored. */
export function useLatestReport(placeId: number | null): ReportState {
  const [version, setVersion] = useState(0)
  useEvent('weather:report-stored', ({ report }) => {
    if (report.placeId === placeId) setVersion((v) => v + 1)
  })
  return useLoaded(placeId === null ? null : `${placeId}:${version}`, () =>
    call('weather:latest', { placeId: placeId! }).then((r) => r.report)
  )
}

/** One stored report by id, exactly as fetched. */
export function useReport(id: number | null): ReportState {
  const state = useLoaded(id === null ? null : String(id), () =>
    call('weather:report', { id: id! })
  )
  // Never show another report's data under this one's title.
  return state.report && state.report.id !== id ? { ...state, report: null } : state
}
