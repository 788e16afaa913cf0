import { afterEach, describe, expect, it } from 'vitest'
import { photoWeatherRequests } from '@shared/contract/photo-weather'
import type { GeoPlace } from '@shared/contract/weather'
import type { PastWeatherSource } from '@shared/weather/past-weather'
import { seedPhotos } from '../../../../test/support/photo-weather-kit'
import { testServiceContext } from '../../../../test/support/service-context'
import { useTempDir } from '../../../../test/support/temp-dir'
import { setupPhotoWeather } from './photo-weather-service'

const tempDir = useTempDir()
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
})

/** Photo weather switched off: "Set place…" works without asking anyone for weather. */
const nobody: PastWeatherSource = {
  hours: () => Promise.reject(new Error('photo weather is off: nothing may be asked'))
}

function app() {
  const t = testServiceContext(tempDir())
  const pw = setupPhotoWeather(t.ctx, nobody)
  closers.push(async () => {
    await pw.close()
    t.close()
  })
  return { ...t, h: pw.handlers }
}

/** A hit from the weather desk's place search (not one of the weather places). */
const lyon: GeoPlace = {
  geonameId: 2996944,
  name: 'Lyon',
  country: 'France',
  countryCode: 'FR',
  admin1: 'Auvergne-Rhône-Alpes',
  admin2: null,
  latitude: 45.74846,
  longitude: 4.84671,
  elevation: 170,
  timezone: 'Europe/Paris',
  population: 472317
}

const params = photoWeatherRequests['photo-weather:set-place'].params

describe('"Set place…" with a searched place', () => {
  it("gives photos without GPS the searched place's position; photos with GPS keep theirs", async () => {
    const a = app()
    const [noGps, withGps] = seedPhotos(a.ctx.db, [
      { lat: null, lon: null, local: '2024-07-14T14:00:00' },
      { lat: 48.8566, lon: 2.3522, local: '2024-07-14T15:00:00' }
    ])
    const request = params.parse({
      photoIds: [noGps, withGps],
      latitude: lyon.latitude,
      longitude: lyon.longitude,
      timezone: lyon.timezone
    })
    expect(await a.h['photo-weather:set-place'](request, {})).toEqual({ updated: 1 })

    const here = await a.h['photo-weather:photos-here'](
      { latitude: lyon.latitude, longitude: lyon.longitude, limit: 10 },
      {}
    )
    expect(here.ids).toEqual([noGps])
    // It waits for weather like a photo with GPS (once the user turns photo weather on).
    expect((await a.h['photo-weather:status']({}, {})).state).toBe('off')
  })

  it('takes a hit without a time zone, and refuses positions off the globe and stray fields', () => {
    expect(params.safeParse({ photoIds: [1], latitude: 45.7, longitude: 4.8 }).success).toBe(true)
    expect(params.parse({ photoIds: [1], latitude: 45.7, longitude: 4.8 }).timezone).toBeNull()
    for (const bad of [
      { photoIds: [1], latitude: 91, longitude: 4.8 },
      { photoIds: [1], latitude: 45.7, longitude: -181 },
      { photoIds: [], latitude: 45.7, longitude: 4.8 },
      { photoIds: [1], latitude: 45.7, longitude: 4.8, placeId: 3 }
    ]) {
      expect(params.safeParse(bad).success).toBe(false)
    }
  })
})
