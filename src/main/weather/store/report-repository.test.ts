import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import {
  fakeClock,
  openStore,
  paris,
  parisTx,
  refresherFor,
  useFixture
} from '../../../../test/support/weather-test-kit'
import { PlaceRepository } from './place-repository'
import { ReportRepository } from './report-repository'

const fixture = useFixture()
const tempDir = useTempDir()
const DAY = 86_400_000

describe('reports and places in SQLite', () => {
  it('retention removes old reports but always keeps each place’s latest', async () => {
    const server = await fixture()
    const db = openStore(tempDir())
    const clock = fakeClock(Date.UTC(2025, 0, 1))
    const kit = refresherFor(db, server, clock)
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    await kit.refresher.refresh([a.id, b.id])
    clock.advance(10 * DAY)
    await kit.refresher.refresh([a.id])
    expect(kit.reports.count()).toBe(3)
    const removed = kit.reports.purgeBefore(clock.now() - 5 * DAY)
    // a's old report goes; b's only report is old but stays as its latest.
    expect(removed).toBe(1)
    expect(kit.reports.latestSummary(b.id)).not.toBeNull()
    expect(kit.reports.history({ placeId: a.id, offset: 0, limit: 10 }).total).toBe(1)
    db.close()
  })

  it('filters history by place and date range and pages through it newest first', () => {
    const db = openStore(tempDir())
    const places = new PlaceRepository(db, () => 0)
    const reports = new ReportRepository(db)
    const a = places.add(paris)
    const b = places.add(parisTx)
    const rows = db.prepare(
      `INSERT INTO weather_reports (place_id, fetched_at, provider, units, timezone,
        utc_offset_seconds, payload, is_day, has_air_quality) VALUES (?, ?, 'open-meteo', '{}', 'UTC', 0, '{}', 1, 0)`
    )
    for (let i = 0; i < 300; i++) rows.run(i % 2 ? a.id : b.id, i * 1000)
    const page = reports.history({
      placeId: a.id,
      from: 100_000,
      to: 199_000,
      offset: 10,
      limit: 5
    })
    expect(page.total).toBe(50)
    expect(page.rows.map((r) => r.fetchedAt)).toEqual([179_000, 177_000, 175_000, 173_000, 171_000])
    expect(reports.history({ offset: 0, limit: 1 }).total).toBe(300)
    db.close()
  })

  it('reorders, sets a home, and keeps removed places with reports for the history', async () => {
    const server = await fixture()
    const db = openStore(tempDir())
    const kit = refresherFor(db, server, fakeClock(Date.UTC(2025, 0, 1)))
    const a = kit.places.add(paris)
    const b = kit.places.add(parisTx)
    expect(kit.places.list().find((p) => p.isHome)?.id).toBe(a.id)
    kit.places.reorder([b.id, a.id])
    expect(kit.places.list().map((p) => p.id)).toEqual([b.id, a.id])
    kit.places.setHome(b.id)
    expect(
      kit.places
        .list()
        .filter((p) => p.isHome)
        .map((p) => p.id)
    ).toEqual([b.id])
    await kit.refresher.refresh([a.id])
    kit.places.remove(a.id)
    expect(kit.places.list().map((p) => p.id)).toEqual([b.id])
    expect(kit.places.known().map((p) => [p.id, p.removed])).toEqual([
      [b.id, false],
      [a.id, true]
    ])
    db.close()
  })
})
