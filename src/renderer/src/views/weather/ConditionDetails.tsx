import type { ForecastLocation } from '@shared/weather/forecast-schema'
import { formatDuration } from '@shared/weather/format-time'
import {
  detailsAt,
  distanceUnitFor,
  formatPressureReading,
  formatUv,
  formatVisibility
} from '@shared/weather/details'
import { formatPercent, formatTemperature, type Units } from '@shared/weather/units'
import styles from './ReportBody.module.css'

/** UV, pressure and its trend, visibility, dew point, cloud cover and daylight at `atSec`. */
export function ConditionDetails({
  forecast,
  atSec,
  units
}: {
  forecast: ForecastLocation
  atSec: number
  units: Units
}) {
  const d = detailsAt(forecast, atSec)
  const p = d.pressure
  const trendNote =
    p?.change !== null && p?.change !== undefined && p.over
      ? `${p.change > 0 ? '+' : ''}${p.change} hPa over the ${p.over} 3 h`
      : null
  return (
    <dl className={styles.facts} aria-label="Details">
      <div>
        <dt>UV index</dt>
        <dd>{formatUv(d.uvIndex)}</dd>
      </div>
      <div>
        <dt>Pressure</dt>
        <dd title={trendNote ?? undefined}>{formatPressureReading(p)}</dd>
      </div>
      <div>
        <dt>Visibility</dt>
        <dd>{formatVisibility(d.visibility, distanceUnitFor(units.windSpeed))}</dd>
      </div>
      <div>
        <dt>Dew point</dt>
        <dd>{formatTemperature(d.dewPoint, units.temperature)}</dd>
      </div>
      <div>
        <dt>Cloud cover</dt>
        <dd>{formatPercent(d.cloudCover)}</dd>
      </div>
      <div>
        <dt>Daylight</dt>
        <dd>{formatDuration(d.daylight)}</dd>
      </div>
    </dl>
  )
}
