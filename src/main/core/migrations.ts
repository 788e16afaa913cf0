import { benchMigrations } from '../bench/store/bench-migrations'
import { libraryMigrations } from '../library/store/library-migrations'
import { photoWeatherMigrations } from '../library/photo-weather/photo-weather-migrations'
import { type Migration, settingsMigrations } from '../platform/store/migration'
import { weatherMigrations } from '../weather/store/weather-migrations'

/** Every domain's schema steps. Settings own 1–9, weather 10–19, library 20–29, bench 30–39,
 * photo weather 40–49. */
export const migrations: readonly Migration[] = [
  ...settingsMigrations,
  ...weatherMigrations,
  ...libraryMigrations,
  ...benchMigrations,
  ...photoWeatherMigrations
]
