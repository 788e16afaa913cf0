import type { Report } from '@shared/contract/weather'
import { conditionsAt } from '@shared/weather/now'
import { airAt, dayIndexAt, nextHours } from '@shared/weather/series'
import { localClock, localDay, offsetLabel } from '@shared/weather/time'
import {
  compassPoint,
  formatPercent,
  formatPrecipitation,
  formatTemperature,
  formatWind,
  type Units
} from '@shared/weather/units'
import { condition } from '@shared/weather/wmo'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import { OpenMeteoCredit } from './Credits'
import { DailyTable } from './DailyTable'
import { ForecastChart } from './ForecastChart'
import { WeatherIcon } from './WeatherIcon'
import styles from './ReportBody.module.css'

const aqiWords = (eaqi: number): string =>
  eaqi <= 20
    ? 'Good'
    : eaqi <= 40
      ? 'Fair'
      : eaqi <= 60
        ? 'Moderate'
        : eaqi <= 80
          ? 'Poor'
          : eaqi <= 100
            ? 'Very poor'
            : 'Extremely poor'

/**
 * A stored report as of `atSec`: the place detail passes the real time (so an old report reads
 * "now" from its hourly series), the history passes the moment it was fetched.
 */
export function ReportBody({
  report,
  atSec,
  units,
  compact = false,
  asFetched = false
}: {
  report: Report
  atSec: number
  units: Units
  compact?: boolean
  /** Read as of the moment it was fetched (history), rather than as of now. */
  asFetched?: boolean
}) {
  const f = report.payload.forecast
  const offset = f.utc_offset_seconds
  const now = conditionsAt(f, atSec)
  const air = airAt(report.payload.airQuality, atSec)
  const hours = nextHours(f.hourly, atSec, 48)
  const today = dayIndexAt(f.daily.time, atSec)
  return (
    <div className={styles.report}>
      <section className={layout.card} aria-label="Conditions">
        {now ? (
          <>
            <div className={styles.nowMain}>
              <WeatherIcon code={now.weatherCode} isDay={now.isDay} size={64} />
              <div>
                <div className={styles.nowTemp}>
                  {formatTemperature(now.temperature, units.temperature)}
                </div>
                <div className={styles.nowWords}>{condition(now.weatherCode).words}</div>
                <div className={text.muted}>
                  High {formatTemperature(now.todayMax, units.temperature)} · Low{' '}
                  {formatTemperature(now.todayMin, units.temperature)}
                </div>
              </div>
            </div>
            <dl className={styles.facts}>
              <div>
                <dt>Feels like</dt>
                <dd>{formatTemperature(now.apparentTemperature, units.temperature)}</dd>
              </div>
              <div>
                <dt>Wind</dt>
                <dd>
                  {formatWind(now.windSpeed, units.windSpeed)} {compassPoint(now.windDirection)}
                  {now.windGusts !== null && (
                    <span className={text.muted}>
                      {' '}
                      · gusts {formatWind(now.windGusts, units.windSpeed)}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Humidity</dt>
                <dd>{formatPercent(now.humidity)}</dd>
              </div>
              <div>
                <dt>Precipitation</dt>
                <dd>{formatPrecipitation(now.precipitation, units.precipitation)}</dd>
              </div>
              <div>
                <dt>Sunrise</dt>
                <dd>{now.sunrise !== null ? localClock(now.sunrise, offset) : '—'}</dd>
              </div>
              <div>
                <dt>Sunset</dt>
                <dd>{now.sunset !== null ? localClock(now.sunset, offset) : '—'}</dd>
              </div>
              {air && air.europeanAqi !== null && (
                <div>
                  <dt>Air quality</dt>
                  <dd>
                    {aqiWords(air.europeanAqi)}{' '}
                    <span className={text.muted}>EAQI {Math.round(air.europeanAqi)}</span>
                    {air.pm25 !== null && (
                      <span className={text.muted}> · PM2.5 {air.pm25.toFixed(0)} µg/m³</span>
                    )}
                  </dd>
                </div>
              )}
            </dl>
            <p className={`${styles.source} ${text.muted}`}>
              {now.source === 'current'
                ? `Observed ${localClock(now.time, offset)} local time`
                : `Read from the hourly forecast for ${localDay(now.time, offset)} ${localClock(now.time, offset)}`}{' '}
              · {f.timezone} ({offsetLabel(offset)})
              {!report.payload.airQuality && report.payload.airQualityError && (
                <> · air quality unavailable: {report.payload.airQualityError.message}</>
              )}
            </p>
          </>
        ) : (
          <p className={text.muted}>
            {asFetched
              ? 'This report has no forecast for the hour it was fetched.'
              : 'This report’s forecast does not reach the present time; refresh for current conditions.'}
          </p>
        )}
      </section>
      {!compact && (
        <section className={layout.card} aria-label="Next 48 hours">
          <h3>Next 48 hours</h3>
          <ForecastChart hours={hours} offset={offset} units={units} />
        </section>
      )}
      <section className={layout.card} aria-label="7-day forecast">
        <h3>{f.daily.time.length}-day forecast</h3>
        <DailyTable daily={f.daily} offset={offset} units={units} todayIndex={today} />
      </section>
      <OpenMeteoCredit />
    </div>
  )
}
