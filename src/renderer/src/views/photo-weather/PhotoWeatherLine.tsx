import { useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { useSettings } from '../../hooks/use-settings'
import { WeatherIcon } from '../weather/WeatherIcon'
import { SetPlaceDialog } from './SetPlaceDialog'
import { usePhotoWeather } from './use-photo-weather'
import { unknownLine, weatherLine } from './weather-line'
import buttons from '../../components/buttons.module.css'
import styles from './PhotoWeatherLine.module.css'

/**
 * The weather when the photo was taken, for the lightbox: "☀ Clear sky · 24 °C · light breeze
 * · 14:00 local", or why it is not known. Nothing while the feature is off.
 */
export function PhotoWeatherLine({ photoId }: { photoId: number }) {
  const { enabled } = usePhotoWeather()
  const { settings } = useSettings()
  // Read again when new weather is linked (photo-weather:linked, data/invalidations.ts).
  const weather = useApiQuery('photo-weather:get', { photoId }, { enabled })
  const [placing, setPlacing] = useState(false)
  if (!enabled) return null
  if (weather.error)
    return (
      <ErrorNotice compact error={weather.error} what="The photo's weather could not be read" />
    )
  const w = weather.data
  if (!w || w.photoId !== photoId) return <p className={styles.line} aria-busy="true" />
  if (!w.known)
    return (
      <p className={`${styles.line} ${styles.unknown}`} aria-label="Weather when taken">
        <span>{unknownLine(w.words)}</span>
        {w.reason === 'no-place' && (
          <button type="button" className={buttons.link} onClick={() => setPlacing(true)}>
            Set place…
          </button>
        )}
        {placing && <SetPlaceDialog photoIds={[photoId]} onClose={() => setPlacing(false)} />}
      </p>
    )
  return (
    <p
      className={styles.line}
      aria-label="Weather when taken"
      title={w.timezone ? `${w.localDate}, ${w.timezone}` : w.localDate}
    >
      <WeatherIcon code={w.weatherCode} size={22} />
      <span>{weatherLine(w, settings.temperatureUnit)}</span>
    </p>
  )
}
