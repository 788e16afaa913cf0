import type { Statement } from 'better-sqlite3'
import type { Db } from '../../platform/store/database'
import { badPosition, cellOf } from './cells'
import { badDate, localDateOf } from './capture-time'
import type { CellDay } from './request-planner'

/** A photo as the queue reads it: where (GPS or set by hand) and when (the camera's wall clock). */
interface Source {
  id: number
  lat: number | null
  lon: number | null
  local: string | null
  offset: number | null
  taken_at: number | null
}

export interface PendingLink {
  photo_id: number
  cell: string
  local: string
  local_date: string
  offset_min: number | null
}

export interface HourRow {
  hour: number
  temperature: number | null
  code: number | null
  wind: number | null
  precipitation: number | null
}

export interface Counts {
  eligible: number
  linked: number
  unknown: number
  pending: number
}

const SOURCE = `
  SELECT p.id, COALESCE(pl.lat, a.lat) AS lat, COALESCE(pl.lon, a.lon) AS lon,
         a.taken_local AS local, a.taken_offset AS offset, a.taken_at
  FROM library_photos p JOIN library_assets a ON a.hash = p.hash
  LEFT JOIN photo_weather_places pl ON pl.photo_id = p.id`

/** Photo weather's rows: the queue (links), the hours per cell and the days already answered. */
export class PhotoWeatherStore {
  private readonly unqueued: Statement<[number], Source>
  private readonly upsertLink: Statement
  private readonly pendingAll: Statement<[], PendingLink>
  private readonly dayState: Statement<[string, string], { state: string }>
  private readonly insertHour: Statement
  private readonly markDay: Statement
  private readonly upsertCell: Statement
  private readonly zoneOf: Statement<
    [string],
    { timezone: string | null; utc_offset: number | null }
  >
  private readonly hourAt: Statement<[string, number], HourRow>
  private readonly settle: Statement

  constructor(private readonly db: Db) {
    this.unqueued = db.prepare(
      `${SOURCE} WHERE NOT EXISTS (SELECT 1 FROM photo_weather_links l WHERE l.photo_id = p.id)
       ORDER BY p.id LIMIT ?`
    )
    this.upsertLink = db.prepare(
      `INSERT INTO photo_weather_links
         (photo_id, state, reason, cell, lat, lon, local, local_date, offset_min, updated_at)
       VALUES (@id, @state, @reason, @cell, @lat, @lon, @local, @date, @offset, @now)
       ON CONFLICT (photo_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
         cell = excluded.cell, lat = excluded.lat, lon = excluded.lon, local = excluded.local,
         local_date = excluded.local_date, offset_min = excluded.offset_min, hour = NULL,
         code = NULL, condition = NULL, temperature = NULL, updated_at = excluded.updated_at`
    )
    this.pendingAll = db.prepare(
      `SELECT photo_id, cell, local, local_date, offset_min FROM photo_weather_links
       WHERE state = 'pending'`
    )
    this.dayState = db.prepare('SELECT state FROM photo_weather_days WHERE cell = ? AND date = ?')
    this.insertHour = db.prepare(
      `INSERT OR REPLACE INTO photo_weather_hours (cell, hour, temperature, code, wind, precipitation)
       VALUES (?, ?, ?, ?, ?, ?)`
    )
    this.markDay = db.prepare(
      `INSERT OR REPLACE INTO photo_weather_days (cell, date, state, fetched_at) VALUES (?, ?, ?, ?)`
    )
    this.upsertCell = db.prepare(
      `INSERT OR REPLACE INTO photo_weather_cells (cell, timezone, utc_offset) VALUES (?, ?, ?)`
    )
    this.zoneOf = db.prepare('SELECT timezone, utc_offset FROM photo_weather_cells WHERE cell = ?')
    this.hourAt = db.prepare(
      `SELECT hour, temperature, code, wind, precipitation FROM photo_weather_hours
       WHERE cell = ? AND hour = ?`
    )
    this.settle = db.prepare(
      `UPDATE photo_weather_links SET state = @state, reason = @reason, hour = @hour, code = @code,
         condition = @condition, temperature = @temperature, updated_at = @now
       WHERE photo_id = @id`
    )
  }

  /**
   * Queues up to `limit` photos not seen yet: with a usable place and time they wait for
   * weather; otherwise they are settled at once as unknown, with the reason. Returns how many.
   */
  enqueueNew(limit: number, nowMs: number): number {
    const rows = this.unqueued.all(limit)
    this.db.transaction(() => {
      for (const r of rows) this.queue(r, nowMs)
    })()
    return rows.length
  }

  /** Queues these photos again (their place changed). */
  requeue(photoIds: readonly number[], nowMs: number): void {
    const one = this.db.prepare<[number], Source>(`${SOURCE} WHERE p.id = ?`)
    this.db.transaction(() => {
      for (const id of photoIds) {
        const r = one.get(id)
        if (r) this.queue(r, nowMs)
      }
    })()
  }

  private queue(r: Source, nowMs: number): void {
    // Older rows have no wall clock: exif-reader read DateTimeOriginal as UTC, so its UTC fields are it.
    const local =
      r.local ?? (r.taken_at === null ? null : new Date(r.taken_at).toISOString().slice(0, 19))
    const reason =
      r.lat === null || r.lon === null
        ? 'no-place'
        : local === null
          ? 'no-time'
          : (badPosition(r.lat, r.lon) ?? badDate(local, nowMs))
    const cell = r.lat !== null && r.lon !== null ? cellOf(r.lat, r.lon).key : null
    this.upsertLink.run({
      id: r.id,
      state: reason ? 'unknown' : 'pending',
      reason,
      cell,
      lat: r.lat,
      lon: r.lon,
      local,
      date: local ? localDateOf(local) : null,
      offset: r.offset,
      now: nowMs
    })
  }

  pending(): PendingLink[] {
    return this.pendingAll.all()
  }

  /** Pending photos in these cells (one indexed query, not the whole queue). */
  pendingIn(cells: readonly string[]): PendingLink[] {
    return this.db
      .prepare<[string], PendingLink>(
        `SELECT photo_id, cell, local, local_date, offset_min FROM photo_weather_links
         WHERE state = 'pending' AND cell IN (SELECT value FROM json_each(?))`
      )
      .all(JSON.stringify(cells))
  }

  dayAnswered(cell: string, date: string): string | null {
    return this.dayState.get(cell, date)?.state ?? null
  }

  /** The cell-days pending photos need that were never answered. */
  wanted(pending: readonly PendingLink[]): CellDay[] {
    const seen = new Set<string>()
    const out: CellDay[] = []
    for (const p of pending) {
      const key = `${p.cell}|${p.local_date}`
      if (seen.has(key)) continue
      seen.add(key)
      if (this.dayAnswered(p.cell, p.local_date) === null)
        out.push({ cell: p.cell, date: p.local_date })
    }
    return out
  }

  /** One location's answer: its zone, its hours, and which of the asked days it answered. */
  storeCell(
    cell: string,
    zone: { timezone: string; utcOffsetSeconds: number },
    hours: readonly HourRow[],
    days: readonly { date: string; state: 'stored' | 'missing' | 'refused' }[],
    nowMs: number
  ): void {
    this.db.transaction(() => {
      this.upsertCell.run(cell, zone.timezone || null, zone.utcOffsetSeconds)
      for (const h of hours) {
        this.insertHour.run(cell, h.hour, h.temperature, h.code, h.wind, h.precipitation)
      }
      for (const d of days) this.markDay.run(cell, d.date, d.state, nowMs)
    })()
  }

  markDays(days: readonly CellDay[], state: 'refused', nowMs: number): void {
    this.db.transaction(() => {
      for (const d of days) this.markDay.run(d.cell, d.date, state, nowMs)
    })()
  }

  zone(cell: string): { timezone: string; utcOffsetSeconds: number } | null {
    const z = this.zoneOf.get(cell)
    if (!z || z.utc_offset === null) return null
    return { timezone: z.timezone ?? '', utcOffsetSeconds: z.utc_offset }
  }

  hour(cell: string, hour: number): HourRow | undefined {
    return this.hourAt.get(cell, hour)
  }

  /** Settles many photos in one transaction. */
  settleAll(
    rows: readonly {
      id: number
      state: 'linked' | 'unknown'
      reason: string | null
      hour: number | null
      code: number | null
      condition: string | null
      temperature: number | null
    }[],
    nowMs: number
  ): void {
    this.db.transaction(() => {
      for (const r of rows) this.settle.run({ ...r, now: nowMs })
    })()
  }

  counts(): Counts {
    const rows = this.db
      .prepare<[], { state: string; reason: string | null; n: number }>(
        `SELECT state, CASE WHEN reason IN ('no-place', 'no-time') THEN reason END AS reason,
           COUNT(*) AS n FROM photo_weather_links GROUP BY 1, 2`
      )
      .all()
    const c: Counts = { eligible: 0, linked: 0, unknown: 0, pending: 0 }
    for (const r of rows) {
      if (r.reason !== null) continue
      c.eligible += r.n
      if (r.state === 'linked') c.linked += r.n
      else if (r.state === 'unknown') c.unknown += r.n
      else c.pending += r.n
    }
    return c
  }
}
