import { ErrorNotice } from '../../components/ErrorNotice'
import { WeatherIcon } from '../weather/WeatherIcon'
import buttons from '../../components/buttons.module.css'
import styles from './PhotoWeatherPrompt.module.css'

/** The opt-in: nothing leaves the machine for photo weather until the user says yes here. */
export function PhotoWeatherPrompt({
  busy,
  error,
  onTurnOn,
  onNotNow
}: {
  busy: boolean
  error: Error | null
  onTurnOn(): void
  onNotNow(): void
}) {
  return (
    <section className={styles.prompt} aria-label="Weather when each photo was taken">
      <WeatherIcon code={2} size={36} />
      <div className={styles.words}>
        <p className={styles.question}>Show the weather when each photo was taken?</p>
        <p className={styles.privacy}>
          Skyfolio sends Open-Meteo the rounded location (about 10 km) and the dates, never the
          photos. You can turn it off again here.
        </p>
        {error && <ErrorNotice compact error={error} what="Photo weather could not be turned on" />}
      </div>
      <div className={styles.actions}>
        <button type="button" onClick={onNotNow}>
          Not now
        </button>
        <button type="button" className={buttons.primary} disabled={busy} onClick={onTurnOn}>
          {busy ? 'Turning on…' : 'Turn on'}
        </button>
      </div>
    </section>
  )
}
