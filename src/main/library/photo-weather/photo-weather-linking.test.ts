import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../core/migrations'
import { openDatabase } from '../../platform/store/database'
import { seedPhotos, type SeedPhoto } from '../../../../test/support/photo-weather-kit'
import { useTempDir } from '../../../../test/support/temp-dir'
import { cellOf } from './cells'
import { linkPending } from './cell-linker'
import { PhotoWeatherStore, type HourRow } from './photo-weather-store'

const tempDir = useTempDir()
const NOW = Date.parse('2025-06-15T12:00:00Z')
const PARIS = cellOf(48.8566, 2.3522).key
const zone = { timezone: 'Europe/Paris', utcOffsetSeconds: 7200 }

/** `n` photos in Paris on 14 July 2024 (camera offset +2 h), a minute apart from 08:00. */
const july14 = (n: number): SeedPhoto[] =>
  Array.from({ length: n }, (_, i) => {
    const m = 8 * 60 + i
    const hhmm = `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    return { lat: 48.8566, lon: 2.3522, local: `2024-07-14T${hhmm}:00`, offset: 120 }
  })

/** Every hour of that local day (UTC+2), 20 °C. */
const hours: HourRow[] = Array.from({ length: 24 }, (_, h) => ({
  hour: Date.parse('2024-07-13T22:00:00Z') / 1000 + h * 3600,
  temperature: 20,
  code: 0,
  wind: 5,
  precipitation: 0
}))

function library(photos: SeedPhoto[]) {
  const db = openDatabase(join(tempDir(), 'library.db'), { migrations })
  const store = new PhotoWeatherStore(db)
  seedPhotos(db, photos)
  for (let after = 0; ;) {
    const slice = store.enqueueNew(100, NOW, after)
    if (slice.queued === 0) break
    after = slice.last
  }
  return { db, store }
}

describe('linking photos to stored hours', () => {
  it('asks for each unanswered cell-day once, and links only photos whose day is answered', async () => {
    const { db, store } = library([
      ...july14(3),
      { lat: 48.8566, lon: 2.3522, local: '2024-07-15T09:00:00' },
      { lat: 51.5072, lon: -0.1276, local: '2024-07-14T09:00:00' }
    ])
    expect(store.counts().pending).toBe(5)
    expect(store.wanted()).toHaveLength(3)
    expect(store.answered()).toEqual([])

    store.storeCell(PARIS, zone, hours, [{ date: '2024-07-14', state: 'stored' }], NOW)
    expect(store.wanted().map((w) => w.date)).toEqual(
      expect.arrayContaining(['2024-07-15', '2024-07-14'])
    )
    expect(store.wanted()).toHaveLength(2)
    expect(store.answered([PARIS])).toHaveLength(3)
    expect(store.answered(['0:0'])).toEqual([])

    expect(await linkPending(store, store.answered(), NOW)).toBe(3)
    expect(store.counts()).toMatchObject({ linked: 3, pending: 2 })
    expect(store.answered()).toEqual([])
    db.close()
  })

  it('links a long queue in slices, letting other work run between them, with the same result', async () => {
    const { db, store } = library(july14(450))
    store.storeCell(PARIS, zone, hours, [{ date: '2024-07-14', state: 'stored' }], NOW)

    // Work queued on the loop before linking starts: it runs between two slices.
    let ranAt: number | null = null
    setImmediate(() => (ranAt = store.counts().linked))
    const linked = await linkPending(store, store.answered(), NOW, 100)

    expect(linked).toBe(450)
    expect(store.counts()).toMatchObject({ eligible: 450, linked: 450, pending: 0 })
    expect(ranAt).not.toBeNull()
    expect(ranAt).toBeGreaterThan(0)
    expect(ranAt).toBeLessThan(450)
    db.close()
  })
})
