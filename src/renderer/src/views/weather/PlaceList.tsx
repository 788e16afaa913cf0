import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { PlaceView } from '@shared/contract/weather'
import { ago, isStale, placeLabel } from '@shared/weather/time'
import { formatTemperature, type Units } from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import badges from '../../components/badges.module.css'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import { cx } from '../../lib/cx'
import { ownError } from './OfflineBanner'
import { PlaceMenu, type MenuItem } from './PlaceMenu'
import { WeatherIcon } from './WeatherIcon'
import styles from './PlaceList.module.css'

export interface PlaceListActions {
  select(id: number): void
  /** A click or Enter: select and show the detail (narrow windows show one at a time). */
  open(id: number): void
  move(id: number, delta: -1 | 1): void
  setHome(id: number): void
  remove(id: number): void
  refresh(id: number): void
}

/**
 * The user's places: temperature, condition, today's high/low, age of the report. The list is
 * one Tab stop (roving focus): arrows move between places, Home/End to the ends, Alt+Arrow
 * reorders, R refreshes, H makes home, Delete removes, and the context menu (Shift+F10, the
 * Menu key or a right click) lists the same.
 */
export function PlaceList({
  places,
  selected,
  units,
  now,
  intervalMin,
  offline,
  actions
}: {
  places: PlaceView[]
  selected: number | null
  units: Units
  now: number
  intervalMin: number
  offline: boolean
  actions: PlaceListActions
}) {
  const refs = useRef(new Map<number, HTMLButtonElement>())
  const [menu, setMenu] = useState<{ id: number; x: number; y: number } | null>(null)
  // After a removal, focus goes to the place that took its slot.
  const focusNext = useRef<number | null>(null)
  const tabStop = places.some((p) => p.id === selected) ? selected : (places[0]?.id ?? null)

  useEffect(() => {
    const id = focusNext.current
    if (id === null || !places.some((p) => p.id === id)) return
    focusNext.current = null
    actions.select(id)
    refs.current.get(id)?.focus()
  }, [places, actions])

  const focusPlace = (p: PlaceView | undefined): void => {
    if (!p) return
    actions.select(p.id)
    refs.current.get(p.id)?.focus()
  }
  const remove = (index: number): void => {
    const p = places[index]
    if (!p) return
    const next = places[index + 1] ?? places[index - 1]
    focusNext.current = next?.id ?? null
    actions.remove(p.id)
  }
  type Action = 'refresh' | 'up' | 'down' | 'home' | 'remove'
  const menuItems = (p: PlaceView, index: number): MenuItem<Action>[] => [
    { id: 'refresh', label: 'Refresh', shortcut: 'R', disabled: p.status.state === 'refreshing' },
    { id: 'up', label: 'Move up', shortcut: 'Alt+↑', disabled: index === 0 },
    { id: 'down', label: 'Move down', shortcut: 'Alt+↓', disabled: index === places.length - 1 },
    {
      id: 'home',
      label: p.isHome ? 'Home place' : 'Make home place',
      shortcut: 'H',
      disabled: p.isHome
    },
    { id: 'remove', label: 'Remove', shortcut: 'Delete' }
  ]
  const runAction = (action: Action, index: number): void => {
    const p = places[index]
    if (!p) return
    if (action === 'refresh') actions.refresh(p.id)
    else if (action === 'up') actions.move(p.id, -1)
    else if (action === 'down') actions.move(p.id, 1)
    else if (action === 'home') actions.setHome(p.id)
    else remove(index)
  }
  const openMenu = (p: PlaceView, x: number, y: number): void => setMenu({ id: p.id, x, y })

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const p = places[index]
    if (!p) return
    const key = e.key
    if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey)) {
      e.preventDefault()
      const r = e.currentTarget.getBoundingClientRect()
      openMenu(p, r.left + 16, r.bottom - 8)
      return
    }
    if (e.ctrlKey || e.metaKey) return
    if ((key === 'ArrowDown' || key === 'ArrowUp') && e.altKey) {
      e.preventDefault()
      actions.move(p.id, key === 'ArrowDown' ? 1 : -1)
      return
    }
    if (e.altKey) return
    const target =
      key === 'ArrowDown' || key === 'ArrowRight'
        ? places[index + 1]
        : key === 'ArrowUp' || key === 'ArrowLeft'
          ? places[index - 1]
          : key === 'Home'
            ? places[0]
            : key === 'End'
              ? places.at(-1)
              : undefined
    if (target) {
      e.preventDefault()
      focusPlace(target)
      return
    }
    const lower = key.toLowerCase()
    if (lower === 'r' && p.status.state !== 'refreshing') actions.refresh(p.id)
    else if (lower === 'h') actions.setHome(p.id)
    else if (key === 'Delete' || key === 'Backspace') remove(index)
    else return
    e.preventDefault()
  }

  const menuPlace = menu ? places.findIndex((p) => p.id === menu.id) : -1

  return (
    <>
      <ul className={styles.places} aria-label="Places">
        {places.map((p, i) => {
          const latest = p.latest
          const stale = latest ? isStale(latest.fetchedAt, now, intervalMin) : false
          const own = ownError(p, offline)
          const onContextMenu = (e: MouseEvent): void => {
            e.preventDefault()
            focusPlace(p)
            openMenu(p, e.clientX, e.clientY)
          }
          return (
            <li
              key={p.id}
              className={cx(styles.place, p.id === selected && styles.selected)}
              onContextMenu={onContextMenu}
            >
              <button
                type="button"
                className={styles.main}
                aria-current={p.id === selected ? 'true' : undefined}
                aria-keyshortcuts="R H Delete Alt+ArrowUp Alt+ArrowDown Shift+F10"
                tabIndex={p.id === tabStop ? 0 : -1}
                ref={(el) => {
                  if (el) refs.current.set(p.id, el)
                  else refs.current.delete(p.id)
                }}
                onClick={() => actions.open(p.id)}
                onKeyDown={(e) => onKey(e, i)}
                aria-label={`${placeLabel(p)}${latest ? `, ${formatTemperature(latest.temperature, units.temperature)}, ${condition(latest.weatherCode).words}` : ', no report yet'}`}
              >
                <WeatherIcon code={latest?.weatherCode ?? null} isDay={latest?.isDay} size={36} />
                <span className={styles.text}>
                  <span className={styles.name} data-testid="place-name">
                    {p.isHome && (
                      <span className={styles.home} title="Home place" aria-label="Home">
                        ⌂
                      </span>
                    )}
                    {p.name}
                  </span>
                  <span className={`${text.muted} ${styles.region}`}>
                    {[p.admin1, p.countryCode || p.country].filter(Boolean).join(', ')}
                  </span>
                  <span className={styles.meta}>
                    {p.status.state === 'refreshing' ? (
                      <span className={badges.busy}>Updating…</span>
                    ) : latest ? (
                      <span className={text.muted}>Updated {ago(latest.fetchedAt, now)}</span>
                    ) : (
                      <span className={text.muted}>No report yet</span>
                    )}
                    {(stale || (offline && latest)) && <span className={badges.stale}>Stale</span>}
                    {own && <span className={badges.error}>Refresh failed</span>}
                  </span>
                </span>
                <span className={styles.temps}>
                  <span className={styles.temp}>
                    {formatTemperature(latest?.temperature, units.temperature)}
                  </span>
                  <span className={text.muted}>
                    {formatTemperature(latest?.tempMax, units.temperature)} /{' '}
                    {formatTemperature(latest?.tempMin, units.temperature)}
                  </span>
                </span>
              </button>
              {own && (
                <p className={`${styles.error} ${text.error}`} role="alert">
                  {own}
                </p>
              )}
              {/* Mouse targets; the keyboard reaches them by shortcut or the context menu. */}
              <div className={styles.actions}>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Refresh ${p.name}`}
                  title="Refresh (R)"
                  disabled={p.status.state === 'refreshing'}
                  onClick={() => actions.refresh(p.id)}
                >
                  ↻
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Move ${p.name} up`}
                  title="Move up (Alt+↑)"
                  disabled={i === 0}
                  onClick={() => actions.move(p.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Move ${p.name} down`}
                  title="Move down (Alt+↓)"
                  disabled={i === places.length - 1}
                  onClick={() => actions.move(p.id, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  aria-label={`Make ${p.name} the home place`}
                  aria-pressed={p.isHome}
                  title="Home place (H)"
                  onClick={() => actions.setHome(p.id)}
                >
                  ⌂
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  className={buttons.danger}
                  aria-label={`Remove ${p.name}`}
                  title="Remove (Delete; its reports stay in the history)"
                  onClick={() => remove(i)}
                >
                  ✕
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {menu && menuPlace >= 0 && (
        <PlaceMenu
          label={`Actions for ${places[menuPlace]!.name}`}
          at={{ x: menu.x, y: menu.y }}
          items={menuItems(places[menuPlace]!, menuPlace)}
          onRun={(action) => runAction(action, menuPlace)}
          onClose={() => {
            setMenu(null)
            refs.current.get(menu.id)?.focus()
          }}
        />
      )}
    </>
  )
}
