import { useState } from 'react'
import type { PhotoWeatherFilter } from '@shared/contract/photo-weather'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { useSettings } from '../../hooks/use-settings'
import { PhotoIdGrid } from './PhotoIdGrid'
import { PhotoWeatherPrompt } from './PhotoWeatherPrompt'
import { usePhotoWeather } from './use-photo-weather'
import { isActive, WeatherFilter } from './WeatherFilter'
import text from '../../components/text.module.css'
import styles from './PhotoWeatherPanel.module.css'

/**
 * The library's photo weather: the opt-in prompt while it is off; once on, how far linking is,
 * the switch that turns it off, and the weather filter with the photos that match.
 */
export function PhotoWeatherPanel() {
  const pw = usePhotoWeather()
  // Shared with the toolbar's query: the prompt waits until there are photos to talk about.
  const facets = useApiQuery('library:facets', {})
  // "Not now" is a setting: one answer for the app, whichever window or profile shows it.
  const { settings, update } = useSettings()
  const notNow = settings.photoWeatherNotNow
  const [filter, setFilter] = useState<PhotoWeatherFilter>({})
  const active = pw.enabled && isActive(filter)
  const matches = useApiQuery(
    'photo-weather:filter',
    { ...filter, limit: 10_000 },
    { enabled: active }
  )

  if (pw.statusError)
    return <ErrorNotice compact error={pw.statusError} what="Photo weather could not be read" />
  if (!pw.status || (facets.data?.total ?? 0) === 0) return null

  if (!pw.enabled) {
    return notNow ? (
      <p className={`${text.muted} ${styles.off}`}>
        Weather when each photo was taken: off.{' '}
        <button type="button" onClick={() => update({ photoWeatherNotNow: false })}>
          Turn on…
        </button>
      </p>
    ) : (
      <PhotoWeatherPrompt
        busy={pw.switching}
        error={pw.switchError}
        onTurnOn={() => pw.setEnabled(true)}
        onNotNow={() => update({ photoWeatherNotNow: true })}
      />
    )
  }

  const s = pw.status
  return (
    <section className={styles.panel} aria-label="Photo weather">
      <div className={styles.bar}>
        <WeatherFilter filter={filter} onChange={setFilter} />
        <span className={styles.spacer} />
        <span className={text.muted} aria-live="polite">
          {s.linked.toLocaleString()} of {s.eligible.toLocaleString()} with weather
          {s.note ? ` · ${s.note}` : ''}
        </span>
        <button
          type="button"
          title="Stop asking Open-Meteo for the weather of your photos"
          disabled={pw.switching}
          onClick={() => {
            setFilter({})
            pw.setEnabled(false)
          }}
        >
          Turn off photo weather
        </button>
      </div>
      {pw.switchError && (
        <ErrorNotice compact error={pw.switchError} what="Photo weather could not be switched" />
      )}
      {active && (
        <div className={styles.results} role="region" aria-label="Photos matching the weather">
          {matches.error ? (
            <ErrorNotice error={matches.error} what="The weather filter could not be applied" />
          ) : !matches.data ? (
            <p className={text.muted}>Looking…</p>
          ) : (
            <>
              <p className={text.muted} aria-live="polite">
                {matches.data.total === 1
                  ? '1 photo matches the weather:'
                  : `${matches.data.total.toLocaleString()} photos match the weather${matches.data.total === 0 ? '.' : ', newest first:'}`}
              </p>
              {matches.data.total > 0 && (
                <PhotoIdGrid ids={matches.data.ids} label="Photos matching the weather" />
              )}
            </>
          )}
        </div>
      )}
    </section>
  )
}
