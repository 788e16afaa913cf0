import type { UnknownReason, WeatherCondition } from '@shared/contract/photo-weather'

/** The grid filter's group for a WMO code. */
export function conditionOf(code: number | null): WeatherCondition | null {
  if (code === null) return null
  if (code <= 1) return 'clear'
  if (code <= 3) return 'cloudy'
  if (code === 45 || code === 48) return 'fog'
  if ((code >= 51 && code <= 67) || (code >= 80 && code <= 82)) return 'rain'
  if ((code >= 71 && code <= 77) || code === 85 || code === 86) return 'snow'
  if (code >= 95 && code <= 99) return 'thunderstorm'
  return null
}

/** Beaufort scale, upper bounds in km/h. */
const beaufort: [number, string][] = [
  [1, 'calm'],
  [6, 'light air'],
  [12, 'light breeze'],
  [20, 'gentle breeze'],
  [29, 'moderate breeze'],
  [39, 'fresh breeze'],
  [50, 'strong breeze'],
  [62, 'near gale'],
  [75, 'gale'],
  [89, 'strong gale'],
  [103, 'storm'],
  [118, 'violent storm']
]

export function windWords(kmh: number | null): string | null {
  if (kmh === null) return null
  return beaufort.find(([max]) => kmh < max)?.[1] ?? 'hurricane force'
}

export const unknownWords: Record<UnknownReason, string> = {
  'no-place': 'this photo has no location; give it one with “Set place…”.',
  'no-time': 'this photo has no capture time.',
  'null-island':
    'its GPS position is 0°, 0°, which cameras write when they have no fix, not a real place.',
  pole: 'it was taken at a pole, where there is no hourly weather record.',
  'too-early':
    'its capture date is before 1971, which a camera writes when its clock was never set.',
  future: 'its capture date is in the future: the camera clock was wrong.',
  'no-zone': 'the time zone of that place is unknown, so its local time cannot be placed.',
  'no-record': 'Open-Meteo has no record for that place and hour (over the sea, perhaps).',
  refused: 'Open-Meteo refused the request for that place.'
}

export const unknownSentence = (reason: UnknownReason | null): string =>
  reason === null ? 'Weather unknown: not fetched yet.' : `Weather unknown: ${unknownWords[reason]}`
