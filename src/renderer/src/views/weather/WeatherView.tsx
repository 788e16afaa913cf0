import { useEffect, useMemo, useRef, useState } from 'react'
import type { GeoPlace, Place } from '@shared/contract/weather'
import { placeLabel } from '@shared/weather/time'
import { unitsOf } from '@shared/weather/units'
import { useSettings } from '../../hooks/use-settings'
import { call, errorText } from '../../lib/api'
import { HistoryView } from './HistoryView'
import { PlaceDetail } from './PlaceDetail'
import { PlaceList } from './PlaceList'
import { PlaceSearch } from './PlaceSearch'
import { CompareDialog, ReportDialog } from './ReportDialog'
import { UndoNotice, type Removal } from './UndoNotice'
import { UnitsBar } from './UnitsBar'
import { useNow, usePlaces } from './use-places'
import './weather.css'

type Tab = 'places' | 'history'

/**
 * The weather desk. Everything shown comes from stored reports at once; refreshes run in the
 * main process and arrive as events, so nothing here ever waits on the network.
 */
export function WeatherView() {
  const { settings } = useSettings()
  const { temperatureUnit, windSpeedUnit, precipitationUnit } = settings
  const units = useMemo(
    () => unitsOf({ ...settings, temperatureUnit, windSpeedUnit, precipitationUnit }),
    // Only the three unit settings matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [temperatureUnit, windSpeedUnit, precipitationUnit]
  )
  const now = useNow()
  const { places, loaded, error, setError, run } = usePlaces()
  const [tab, setTab] = useState<Tab>('places')
  const [selected, setSelected] = useState<number | null>(null)
  const [historyPlace, setHistoryPlace] = useState<number | null>(null)
  const [opened, setOpened] = useState<number | null>(null)
  const [comparing, setComparing] = useState<[number, number] | null>(null)
  const [known, setKnown] = useState<Place[]>([])
  const [removal, setRemoval] = useState<Removal | null>(null)
  const removals = useRef(0)

  // Keep a valid selection: the home place first, else the first one.
  const current =
    places.find((p) => p.id === selected) ?? places.find((p) => p.isHome) ?? places[0] ?? null

  const refreshKnown = (): void => {
    call('weather:known-places', {})
      .then((r) => setKnown(r.places))
      .catch(() => undefined)
  }
  useEffect(refreshKnown, [places.length])
  const placeMap = useMemo(() => new Map(known.map((p) => [p.id, p])), [known])

  const add = async (g: GeoPlace): Promise<void> => {
    try {
      setError(null)
      const { place } = await call('weather:add-place', g)
      setSelected(place.id)
      setTab('places')
    } catch (e) {
      setError(errorText(e))
    }
  }
  const refresh = (ids: number[]): void => {
    // The outcome arrives as events; errors show on each place, not here.
    call('weather:refresh', { placeIds: ids }).catch((e: unknown) => setError(errorText(e)))
  }
  const move = (id: number, delta: -1 | 1): void => {
    const ids = places.map((p) => p.id)
    const i = ids.indexOf(id)
    const j = i + delta
    if (i < 0 || j < 0 || j >= ids.length) return
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    void run(() => call('weather:reorder-places', { ids }))
  }
  const remove = (id: number): void => {
    const p = places.find((q) => q.id === id)
    void run(async () => {
      const result = await call('weather:remove-place', { id })
      if (p) {
        removals.current += 1
        setRemoval({ id, label: placeLabel(p), wasHome: p.isHome, key: removals.current })
      }
      return result
    })
  }
  const undo = (r: Removal): void => {
    setRemoval(null)
    void run(async () => {
      const restored = await call('weather:restore-place', { id: r.id })
      setSelected(r.id)
      // Another place became home when this one left; give the role back.
      return r.wasHome ? await call('weather:set-home', { id: r.id }) : restored
    })
  }
  const anyRefreshing = places.some((p) => p.status.state === 'refreshing')

  // Back online: refresh what is due or failed (the shell also calls this on wake).
  useEffect(() => {
    const onOnline = (): void => void call('weather:resume', {}).catch(() => undefined)
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [])

  return (
    <div className="wx">
      <div className="toolbar wx-toolbar">
        <div className="wx-tabs" role="tablist" aria-label="Weather views">
          {(['places', 'history'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`wx-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`wx-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => {
                if (t === 'history') setHistoryPlace(null)
                setTab(t)
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = tab === 'places' ? 'history' : 'places'
                  setTab(next)
                  document.getElementById(`wx-tab-${next}`)?.focus()
                }
              }}
            >
              {t === 'places' ? 'Places' : 'History'}
            </button>
          ))}
        </div>
        <PlaceSearch
          onAdd={add}
          isAdded={(g) =>
            places.some(
              (p) =>
                Math.abs(p.latitude - g.latitude) < 0.001 &&
                Math.abs(p.longitude - g.longitude) < 0.001
            )
          }
        />
        <span className="spacer" />
        <UnitsBar />
        <button
          type="button"
          disabled={places.length === 0 || anyRefreshing}
          onClick={() => refresh(places.map((p) => p.id))}
        >
          {anyRefreshing ? 'Refreshing…' : 'Refresh all'}
        </button>
      </div>
      {error && (
        <div className="alert" role="alert">
          {error}{' '}
          <button type="button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}

      {tab === 'places' ? (
        <div
          className={loaded && places.length === 0 ? undefined : 'wx-body'}
          role="tabpanel"
          id="wx-panel-places"
          aria-labelledby="wx-tab-places"
        >
          {loaded && places.length === 0 ? (
            <section className="empty-state" aria-label="No places yet">
              <h2>Weather</h2>
              <p>Search for a place above to see its current conditions and forecast.</p>
              <p>Reports are stored, so you can browse every one later — even offline.</p>
            </section>
          ) : (
            <>
              <PlaceList
                places={places}
                selected={current?.id ?? null}
                units={units}
                now={now}
                intervalMin={settings.refreshIntervalMin}
                actions={{
                  select: setSelected,
                  move,
                  refresh: (id) => refresh([id]),
                  setHome: (id) => void run(() => call('weather:set-home', { id })),
                  remove
                }}
              />
              {current && (
                <PlaceDetail
                  key={current.id}
                  place={current}
                  units={units}
                  now={now}
                  intervalMin={settings.refreshIntervalMin}
                  onRefresh={() => refresh([current.id])}
                  onHistory={() => {
                    setHistoryPlace(current.id)
                    setTab('history')
                  }}
                />
              )}
            </>
          )}
        </div>
      ) : (
        <div role="tabpanel" id="wx-panel-history" aria-labelledby="wx-tab-history">
          <HistoryView
            key={historyPlace ?? 'all'}
            units={units}
            now={now}
            initialPlaceId={historyPlace}
            onOpen={setOpened}
            onCompare={(a, b) => setComparing([a, b])}
          />
        </div>
      )}
      <UndoNotice removal={removal} onUndo={undo} onDismiss={() => setRemoval(null)} />
      {opened !== null && (
        <ReportDialog
          id={opened}
          places={placeMap}
          units={units}
          now={now}
          onClose={() => setOpened(null)}
        />
      )}
      {comparing && (
        <CompareDialog
          ids={comparing}
          places={placeMap}
          units={units}
          now={now}
          onClose={() => setComparing(null)}
        />
      )}
    </div>
  )
}
