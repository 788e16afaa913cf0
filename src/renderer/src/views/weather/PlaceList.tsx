import { useRef, type KeyboardEvent } from 'react'
import type { PlaceView } from '@shared/contract/weather'
import { ago, isStale, placeLabel } from '@shared/weather/time'
import { formatTemperature, type Units } from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import badges from '../../components/badges.module.css'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import { cx } from '../../lib/cx'
import { WeatherIcon } from './WeatherIcon'
import styles from './PlaceList.module.css'

export interface PlaceListActions {
  select(id: number): void
  move(id: number, delta: -1 | 1): void
  setHome(id: number): void
  remove(id: number): void
  refresh(id: number): void
}

/**
 * The user's places: temperature, condition, today's high/low, age of the report. Arrow keys
 * move between places; Alt+Arrow reorders.
 */
export function PlaceList({
  places,
  selected,
  units,
  now,
  intervalMin,
  actions
}: {
  places: PlaceView[]
  selected: number | null
  units: Units
  now: number
  intervalMin: number
  actions: PlaceListActions
}) {
  const refs = useRef(new Map<number, HTMLButtonElement>())
  const onKey = (e: KeyboardEvent<HTMLUListElement>, index: number): void => {
    const p = places[index]
    if (!p) return
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const d = e.key === 'ArrowDown' ? 1 : -1
    if (e.altKey) {
      actions.move(p.id, d)
      return
    }
    const next = places[index + d]
    if (next) {
      actions.select(next.id)
      refs.current.get(next.id)?.focus()
    }
  }

  return (
    <ul className={styles.places} aria-label="Places">
      {places.map((p, i) => {
        const latest = p.latest
        const stale = latest ? isStale(latest.fetchedAt, now, intervalMin) : false
        const failed = p.status.state === 'error'
        return (
          <li
            key={p.id}
            className={cx(styles.place, p.id === selected && styles.selected)}
            onKeyDown={(e) => onKey(e as unknown as KeyboardEvent<HTMLUListElement>, i)}
          >
            <button
              type="button"
              className={styles.main}
              aria-current={p.id === selected ? 'true' : undefined}
              ref={(el) => {
                if (el) refs.current.set(p.id, el)
                else refs.current.delete(p.id)
              }}
              onClick={() => actions.select(p.id)}
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
                  {stale && <span className={badges.stale}>Stale</span>}
                  {failed && <span className={badges.error}>Refresh failed</span>}
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
            {failed && p.status.error && (
              <p className={`${styles.error} ${text.error}`} role="alert">
                {p.status.error.message}
              </p>
            )}
            <div className={styles.actions}>
              <button
                type="button"
                aria-label={`Refresh ${p.name}`}
                title="Refresh"
                disabled={p.status.state === 'refreshing'}
                onClick={() => actions.refresh(p.id)}
              >
                ↻
              </button>
              <button
                type="button"
                aria-label={`Move ${p.name} up`}
                title="Move up (Alt+↑)"
                disabled={i === 0}
                onClick={() => actions.move(p.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${p.name} down`}
                title="Move down (Alt+↓)"
                disabled={i === places.length - 1}
                onClick={() => actions.move(p.id, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Make ${p.name} the home place`}
                aria-pressed={p.isHome}
                title="Home place"
                onClick={() => actions.setHome(p.id)}
              >
                ⌂
              </button>
              <button
                type="button"
                className={buttons.danger}
                aria-label={`Remove ${p.name}`}
                title="Remove (its reports stay in the history)"
                onClick={() => actions.remove(p.id)}
              >
                ✕
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
