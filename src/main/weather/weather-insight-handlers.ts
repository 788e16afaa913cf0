import { AppFailure } from '@shared/contract'
import type { ForecastTrail } from '@shared/contract/weather'
import {
  ACCURACY_MIN_DAYS,
  accuracyByLead,
  RAIN_CHANCE_PERCENT,
  WET_DAY_MM
} from '@shared/weather/accuracy'
import { localDateKey, type DateKey } from '@shared/weather/zoned-time'
import type { Handlers } from '../platform/ipc/router'
import type { ForecastDayRepository } from './store/forecast-day-repository'
import type { ObservationRepository } from './store/observation-repository'
import type { PlaceRepository, StoredPlace } from './store/place-repository'
import type { ReportRepository } from './store/report-repository'

export interface InsightDeps {
  readonly places: PlaceRepository
  readonly reports: ReportRepository
  readonly days: ForecastDayRepository
  readonly observations: ObservationRepository
  readonly now: () => number
}

type InsightChannel = 'weather:forecast-days' | 'weather:forecast-trail' | 'weather:accuracy'

/** What the stored reports know: how each day's forecast moved, and how good it was. */
export function insightHandlers(deps: InsightDeps): Handlers<InsightChannel> {
  const { places, reports, days, observations } = deps
  const placeOf = (id: number): StoredPlace => {
    const place = places.get(id)
    if (!place) throw new AppFailure('not_found', 'That place is no longer stored.')
    return place
  }
  /** Today at the place, by its zone as its latest report names it. */
  const todayAt = (place: StoredPlace): DateKey | null => {
    const latest = reports.latestSummary(place.id)
    const zone = latest
      ? { timezone: latest.timezone, utcOffsetSeconds: latest.utcOffsetSeconds }
      : place.timezone
        ? { timezone: place.timezone, utcOffsetSeconds: 0 }
        : null
    return zone ? localDateKey(Math.floor(deps.now() / 1000), zone) : null
  }
  return {
    'weather:forecast-days': ({ placeId }) => {
      placeOf(placeId)
      return { placeId, days: days.days(placeId) }
    },
    'weather:forecast-trail': ({ placeId, date }): ForecastTrail => {
      const place = placeOf(placeId)
      const observed = observations.get(placeId, date)
      const today = todayAt(place)
      return {
        placeId,
        date,
        points: days.trail(placeId, date),
        observed,
        observedState: observed ? 'observed' : today !== null && date < today ? 'pending' : 'future'
      }
    },
    'weather:accuracy': ({ placeId }) => {
      placeOf(placeId)
      return {
        placeId,
        leads: accuracyByLead(days.ofObservedDays(placeId), observations.forPlace(placeId)),
        rules: {
          minDays: ACCURACY_MIN_DAYS,
          rainChancePercent: RAIN_CHANCE_PERCENT,
          wetDayMm: WET_DAY_MM
        }
      }
    }
  }
}
