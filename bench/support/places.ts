import type { GeoPlace } from '@shared/contract/weather'

/** The i-th made-up place, spread over the globe so each gets its own synthetic weather. */
export function benchPlace(i: number, prefix = 'Place'): GeoPlace {
  return {
    geonameId: null,
    name: `${prefix} ${i + 1}`,
    country: 'Benchland',
    countryCode: 'BL',
    admin1: null,
    admin2: null,
    latitude: -60 + ((i * 2.3) % 120),
    longitude: -170 + ((i * 6.7) % 340),
    elevation: null,
    timezone: null,
    population: null
  }
}
