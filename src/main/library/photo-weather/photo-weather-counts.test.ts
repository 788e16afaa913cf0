import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../core/migrations'
import { openDatabase, type Db } from '../../platform/store/database'
import { seedPhotos, type SeedPhoto } from '../../../../test/support/photo-weather-kit'
import { useTempDir } from '../../../../test/support/temp-dir'
import { PhotoWeatherStore, type Counts } from './photo-weather-store'

const tempDir = useTempDir()
const NOW = Date.parse('2025-06-15T12:00:00Z')

/** What the status bar must show: counted the slow way, over every link. */
function scanned(db: Db): Counts {
  const rows = db
    .prepare<[], { state: string; n: number }>(
      `SELECT state, COUNT(*) AS n FROM photo_weather_links
       WHERE reason IS NULL OR reason NOT IN ('no-place', 'no-time') GROUP BY state`
    )
    .all()
  const n = (s: string): number => rows.find((r) => r.state === s)?.n ?? 0
  const c = { linked: n('linked'), unknown: n('unknown'), pending: n('pending') }
  return { eligible: c.linked + c.unknown + c.pending, ...c }
}

const photos: SeedPhoto[] = [
  { lat: 48.8566, lon: 2.3522, local: '2024-07-14T14:00:00' },
  { lat: 48.8566, lon: 2.3522, local: '2024-07-15T09:00:00' },
  { lat: 51.5072, lon: -0.1276, local: '2024-07-20T18:00:00' },
  // No place, no time: not counted as eligible at all.
  { lat: null, lon: null, local: '2024-07-14T10:00:00' },
  { lat: 40.4, lon: -3.7, local: null },
  // A bad position: eligible, and unknown at once.
  { lat: 0, lon: 0, local: '2024-07-14T10:00:00' }
]

const settled = (id: number, state: 'linked' | 'unknown') => ({
  id,
  state,
  reason: state === 'unknown' ? 'no-record' : null,
  hour: null,
  code: null,
  condition: null,
  temperature: null
})

describe('photo weather status counts', () => {
  it('stay equal to a full count through queueing, settling, a new place and a removal', () => {
    const db = openDatabase(join(tempDir(), 'library.db'), { migrations })
    const store = new PhotoWeatherStore(db)
    const ids = seedPhotos(db, photos)
    expect(store.counts()).toEqual({ eligible: 0, linked: 0, unknown: 0, pending: 0 })

    store.enqueueNew(2, NOW)
    expect(store.counts()).toEqual(scanned(db))
    store.enqueueNew(100, NOW)
    expect(store.counts()).toEqual({ eligible: 4, linked: 0, unknown: 1, pending: 3 })

    store.settleAll([settled(ids[0]!, 'linked'), settled(ids[1]!, 'unknown')], NOW)
    expect(store.counts()).toEqual({ eligible: 4, linked: 1, unknown: 2, pending: 1 })

    // "Set place…" on the photo without GPS: it becomes eligible and waits for weather.
    db.prepare('INSERT INTO photo_weather_places (photo_id, lat, lon) VALUES (?, ?, ?)').run(
      ids[3]!,
      45.76,
      4.84
    )
    store.requeue([ids[3]!, ids[0]!], NOW)
    expect(store.counts()).toEqual({ eligible: 5, linked: 0, unknown: 2, pending: 3 })

    // Removing photos removes their links (ON DELETE CASCADE), and their counts with them.
    db.prepare('DELETE FROM library_photos WHERE id IN (?, ?)').run(ids[1]!, ids[2]!)
    expect(store.counts()).toEqual(scanned(db))
    expect(store.counts()).toEqual({ eligible: 3, linked: 0, unknown: 1, pending: 2 })
    db.close()
  })

  it('start from the links already stored when an older library is opened', () => {
    const file = join(tempDir(), 'library.db')
    const before = migrations.filter((m) => m.version <= 40)
    const old = openDatabase(file, { migrations: before })
    const ids = seedPhotos(old, photos)
    const link = old.prepare(
      'INSERT INTO photo_weather_links (photo_id, state, reason, updated_at) VALUES (?, ?, ?, 0)'
    )
    link.run(ids[0]!, 'linked', null)
    link.run(ids[1]!, 'pending', null)
    link.run(ids[2]!, 'unknown', 'no-record')
    link.run(ids[3]!, 'unknown', 'no-place')
    old.close()

    const db = openDatabase(file, { migrations })
    expect(new PhotoWeatherStore(db).counts()).toEqual({
      eligible: 3,
      linked: 1,
      unknown: 1,
      pending: 1
    })
    expect(new PhotoWeatherStore(db).counts()).toEqual(scanned(db))
    db.close()
  })
})
