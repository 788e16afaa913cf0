import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { TimeStyle } from '@shared/weather/format-time'
import { formatHour, formatWeekday } from '@shared/weather/format-time'
import type { HourPoint } from '@shared/weather/series'
import { formatPercent, formatTemperature, type Units } from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import type { PlaceZone } from '@shared/weather/zoned-time'
import { localDateKey } from '@shared/weather/zoned-time'
import { cx } from '../../lib/cx'
import { WeatherIcon } from './WeatherIcon'
import styles from './HourlyStrip.module.css'

/**
 * The next hours, one column each: time, icon, temperature, chance of rain. One Tab stop;
 * arrows move hour by hour (scrolling the strip), Home/End go to the first and last hour.
 */
export function HourlyStrip({
  hours,
  zone,
  units,
  style
}: {
  hours: HourPoint[]
  zone: PlaceZone
  units: Units
  style: TimeStyle
}) {
  const [active, setActive] = useState(0)
  const base = useId()
  const list = useRef<HTMLUListElement>(null)
  const at = Math.min(active, Math.max(0, hours.length - 1))

  useEffect(() => {
    list.current
      ?.querySelector(`[data-index="${at}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [at])

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? hours.length - 1
              : e.key === 'PageDown'
                ? at + 6
                : e.key === 'PageUp'
                  ? at - 6
                  : null
    if (next === null) return
    e.preventDefault()
    setActive(Math.max(0, Math.min(hours.length - 1, next)))
  }

  if (hours.length === 0) return null
  return (
    <ul
      ref={list}
      className={styles.strip}
      role="listbox"
      aria-label={`Hourly forecast, next ${hours.length} hours`}
      aria-activedescendant={`${base}-${at}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {hours.map((h, i) => {
        const newDay =
          i > 0 && localDateKey(h.time, zone) !== localDateKey(hours[i - 1]!.time, zone)
        const words = condition(h.weatherCode).words
        const temp = formatTemperature(h.temperature, units.temperature)
        const rain = formatPercent(h.precipitationProbability)
        const label = `${formatWeekday(h.time, zone, style)} ${formatHour(h.time, zone, style)}`
        return (
          <li
            key={h.time}
            id={`${base}-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === at}
            aria-label={`${label}: ${temp}, ${words}, ${rain} chance of precipitation`}
            className={cx(styles.hour, i === at && styles.active, newDay && styles.newDay)}
            onClick={() => setActive(i)}
          >
            <span className={styles.time}>
              {newDay ? formatWeekday(h.time, zone, style) : formatHour(h.time, zone, style)}
            </span>
            <WeatherIcon code={h.weatherCode} isDay={h.isDay ?? undefined} size={28} />
            <span className={styles.temp}>{temp}</span>
            <span className={styles.rain}>{rain}</span>
          </li>
        )
      })}
    </ul>
  )
}
