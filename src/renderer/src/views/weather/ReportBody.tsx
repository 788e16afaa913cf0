import type { Report } from '@shared/contract/weather'
import { conditionsAt } from '@shared/weather/now'
import { formatClock, formatDay } from '@shared/weather/format-time'
import { nowcastWords, rainNowcast } from '@shared/weather/nowcast'
import { airAt, localDayIndex, nextHours } from '@shared/weather/series'
import { offsetLabel } from '@shared/weather/time'
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
import { ConditionDetails } from './ConditionDetails'
import { ForecastChart } from './ForecastChart'
import { HourlyStrip } from './HourlyStrip'
import { useTimeStyle } from './use-time-style'
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
  asFetched = false,
  of
}: {
  report: Report
  atSec: number
  units: Units
  compact?: boolean
  /** Read as of the moment it was fetched (history), rather than as of now. */
  asFetched?: boolean
  /** Whose report this is, e.g. "older report", when two show side by side: it goes into
   *  each section's name, since landmarks on one page need names that tell them apart. */
  of?: string
}) {
  const named = (section: string): string => (of ? `${section}, ${of}` : section)
  const f = report.payload.forecast
  const offset = f.utc_offset_seconds
  const now = conditionsAt(f, atSec)
  const air = airAt(report.payload.airQuality, atSec)
  const hours = nextHours(f.hourly, atSec, 48)
  const today = localDayIndex(f, atSec)
  const zone = { timezone: f.timezone, utcOffsetSeconds: offset }
  const style = useTimeStyle()
  const clock = (t: number): string => formatClock(t, zone, style)
  // Only as of now: an old report's 15-minute steps say nothing about the present.
  const nowcast = asFetched ? null : nowcastWords(rainNowcast(f.minutely_15, atSec))
  return (
    <div className={styles.report}>
      <section className={layout.card} aria-label={named('Conditions')}>
        {now ? (
          <>
            <div className={styles.nowMain}>
              <WeatherIcon code={now.weatherCode} isDay={now.isDay} size={64} />
              <div>
                <div className={styles.nowTemp}>
                  {formatTemperature(now.temperature, units.temperature)}
                </div>
                <div className={styles.nowWords}>{condition(now.weatherCode).words}</div>
                {nowcast && (
                  <div className={styles.nowcast} data-testid="nowcast">
                    {nowcast}
                  </div>
                )}
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
                <dd>{now.sunrise !== null ? clock(now.sunrise) : '—'}</dd>
              </div>
              <div>
                <dt>Sunset</dt>
                <dd>{now.sunset !== null ? clock(now.sunset) : '—'}</dd>
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
            <ConditionDetails forecast={f} atSec={atSec} units={units} />
            <p className={`${styles.source} ${text.muted}`}>
              {now.source === 'current'
                ? `Observed ${clock(now.time)} local time`
                : `Read from the hourly forecast for ${formatDay(now.time, zone, style)} ${clock(now.time)}`}{' '}
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
        <div className={styles.hourly}>
          <section className={layout.card} aria-label={named('Next 48 hours')}>
            <h3>Next 48 hours</h3>
            <ForecastChart hours={hours} zone={zone} style={style} units={units} />
          </section>
          <section className={layout.card} aria-label={named('Hour by hour')}>
            <h3>Hour by hour</h3>
            <HourlyStrip hours={hours} zone={zone} units={units} style={style} />
          </section>
        </div>
      )}
      <section className={layout.card} aria-label={named('7-day forecast')}>
        <h3>{Math.min(7, f.daily.time.length)}-day forecast</h3>
        <DailyTable daily={f.daily} zone={zone} style={style} units={units} todayIndex={today} />
      </section>
      <OpenMeteoCredit />
    </div>
  )
}
