import { useEffect, useMemo, useRef, useState } from 'react'
import type { GeoPlace, Place } from '@shared/contract/weather'
import { placeLabel } from '@shared/weather/time'
import { unitsOf } from '@shared/weather/units'
import { ErrorNotice } from '../../components/ErrorNotice'
import { UndoNotice, type Undoable } from '../../components/UndoNotice'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import { useSettings } from '../../hooks/use-settings'
import { call, errorText } from '../../lib/api'
import { HistoryView } from './HistoryView'
import { OfflineBanner, useOffline } from './OfflineBanner'
import { PlaceDetail } from './PlaceDetail'
import { PlaceList } from './PlaceList'
import { PlaceSearch } from './PlaceSearch'
import { CompareDialog, ReportDialog } from './ReportDialog'
import { UnitsBar } from './UnitsBar'
import { useNow, usePlaces } from './use-places'
import emptyState from '../../components/EmptyState.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './WeatherView.module.css'

type Tab = 'places' | 'history'

const noPlaces: Place[] = []

/** A removed place the user can still take back. */
interface Removal extends Undoable {
  id: number
  wasHome: boolean
}

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
  const { places, loaded, loadError, error, setError, run } = usePlaces()
  const [tab, setTab] = useState<Tab>('places')
  const [selected, setSelected] = useState<number | null>(null)
  const [historyPlace, setHistoryPlace] = useState<number | null>(null)
  const [opened, setOpened] = useState<number | null>(null)
  const [comparing, setComparing] = useState<[number, number] | null>(null)
  const [removal, setRemoval] = useState<Removal | null>(null)
  // Narrow windows show the list or the detail, one at a time.
  const [pane, setPane] = useState<'list' | 'detail'>('list')
  const offline = useOffline()
  const removals = useRef(0)

  // Keep a valid selection: the home place first, else the first one.
  const current =
    places.find((p) => p.id === selected) ?? places.find((p) => p.isHome) ?? places[0] ?? null

  // Kept current by places and reports events (data/invalidations.ts).
  const knownPlaces = useApiQuery('weather:known-places', {})
  const known = knownPlaces.data?.places ?? noPlaces
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
  // Their answers are the new list: the result table puts it in the cache.
  const reorder = useApiMutation('weather:reorder-places')
  const removePlace = useApiMutation('weather:remove-place')
  const restorePlace = useApiMutation('weather:restore-place')
  const setHome = useApiMutation('weather:set-home')
  const move = (id: number, delta: -1 | 1): void => {
    const ids = places.map((p) => p.id)
    const i = ids.indexOf(id)
    const j = i + delta
    if (i < 0 || j < 0 || j >= ids.length) return
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    void run(() => reorder.mutateAsync({ ids }))
  }
  const remove = (id: number): void => {
    const p = places.find((q) => q.id === id)
    void run(async () => {
      await removePlace.mutateAsync({ id })
      if (p) {
        removals.current += 1
        setRemoval({
          id,
          message: `Removed ${placeLabel(p)}.`,
          wasHome: p.isHome,
          key: removals.current
        })
      }
    })
  }
  const undo = (r: Removal): void => {
    setRemoval(null)
    void run(async () => {
      await restorePlace.mutateAsync({ id: r.id })
      setSelected(r.id)
      // Another place became home when this one left; give the role back.
      if (r.wasHome) await setHome.mutateAsync({ id: r.id })
    })
  }
  const anyRefreshing = places.some((p) => p.status.state === 'refreshing')

  // Back online: refresh what is due or failed (the shell also calls this on wake).
  useEffect(() => {
    const onOnline = (): void =>
      void call('weather:resume', {}).catch((e: unknown) =>
        setError(`Back online, but the refresh could not start: ${errorText(e)}`)
      )
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [setError])

  return (
    <div className={styles.wx}>
      <h1 className={text.visuallyHidden}>
        {tab === 'places' ? 'Weather: places' : 'Weather: history'}
      </h1>
      <div className={`${layout.toolbar} ${styles.toolbar}`}>
        <div className={styles.tabs} role="tablist" aria-label="Weather views">
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
        <span className={layout.spacer} />
        <UnitsBar />
        <button
          type="button"
          disabled={places.length === 0 || anyRefreshing}
          onClick={() => refresh(places.map((p) => p.id))}
        >
          {anyRefreshing ? 'Refreshing…' : 'Refresh all'}
        </button>
      </div>
      <OfflineBanner />
      {error && (
        <div className={layout.alert} role="alert">
          {error}{' '}
          <button type="button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {loadError && <ErrorNotice error={loadError} what="Your places could not be read" />}
      {knownPlaces.error && (
        <ErrorNotice
          error={knownPlaces.error}
          what="The names of places in stored reports could not be read"
        />
      )}

      {tab === 'places' ? (
        <div
          className={loaded && places.length === 0 ? undefined : styles.body}
          data-pane={pane}
          role="tabpanel"
          id="wx-panel-places"
          aria-labelledby="wx-tab-places"
        >
          {loaded && places.length === 0 ? (
            <section className={emptyState.emptyState} aria-label="No places yet">
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
                offline={offline}
                actions={{
                  select: setSelected,
                  open: (id) => {
                    setSelected(id)
                    setPane('detail')
                  },
                  move,
                  refresh: (id) => refresh([id]),
                  setHome: (id) => void run(() => setHome.mutateAsync({ id })),
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
                  offline={offline}
                  onBack={() => setPane('list')}
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
      {/* Layer 40: under the place menu (41), as on this desk before. */}
      <UndoNotice action={removal} onUndo={undo} onDismiss={() => setRemoval(null)} layer={40} />
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
