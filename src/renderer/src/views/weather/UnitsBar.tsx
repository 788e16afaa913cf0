import { useSettings } from '../../hooks/use-settings'
import styles from './UnitsBar.module.css'

/** Units, persisted as settings and applied to every view (stored values stay metric). */
export function UnitsBar() {
  const { settings, update } = useSettings()
  return (
    <div className={styles.units} role="group" aria-label="Units">
      <select
        aria-label="Temperature unit"
        value={settings.temperatureUnit}
        onChange={(e) =>
          void update({ temperatureUnit: e.target.value as typeof settings.temperatureUnit })
        }
      >
        <option value="celsius">°C</option>
        <option value="fahrenheit">°F</option>
      </select>
      <select
        aria-label="Wind speed unit"
        value={settings.windSpeedUnit}
        onChange={(e) =>
          void update({ windSpeedUnit: e.target.value as typeof settings.windSpeedUnit })
        }
      >
        <option value="kmh">km/h</option>
        <option value="mph">mph</option>
        <option value="ms">m/s</option>
      </select>
      <select
        aria-label="Precipitation unit"
        value={settings.precipitationUnit}
        onChange={(e) =>
          void update({ precipitationUnit: e.target.value as typeof settings.precipitationUnit })
        }
      >
        <option value="mm">mm</option>
        <option value="inch">in</option>
      </select>
      <select
        aria-label="Clock"
        title="Clock: 12- or 24-hour"
        value={settings.hourCycle}
        onChange={(e) => void update({ hourCycle: e.target.value as typeof settings.hourCycle })}
      >
        <option value="auto">clock as locale</option>
        <option value="h23">24-hour</option>
        <option value="h12">12-hour</option>
      </select>
      <select
        aria-label="Refresh automatically every"
        title="Refresh automatically every"
        value={settings.refreshIntervalMin}
        onChange={(e) => void update({ refreshIntervalMin: Number(e.target.value) })}
      >
        {[...new Set([10, 15, 30, 60, 120, 360, settings.refreshIntervalMin])]
          .sort((a, b) => a - b)
          .map((m) => (
            <option key={m} value={m}>
              every {m < 60 || m % 60 ? `${m} min` : `${m / 60} h`}
            </option>
          ))}
      </select>
      <select
        aria-label="Keep reports"
        title="Keep reports"
        value={settings.reportRetentionDays ?? 'all'}
        onChange={(e) =>
          void update({
            reportRetentionDays: e.target.value === 'all' ? null : Number(e.target.value)
          })
        }
      >
        <option value="all">keep all reports</option>
        {[7, 30, 90, 365].map((d) => (
          <option key={d} value={d}>
            keep {d} days
          </option>
        ))}
      </select>
    </div>
  )
}
