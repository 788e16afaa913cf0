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

/** A pending photo whose cell-day was answered: ready to be linked (or told why not). */
export interface AnsweredLink extends PendingLink {
  day: 'stored' | 'missing' | 'refused'
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
  private readonly unqueued: Statement<[number, number], Source>
  private readonly upsertLink: Statement
  private readonly answeredAll: Statement<[], AnsweredLink>
  private readonly answeredIn: Statement<[string], AnsweredLink>
  private readonly wantedAll: Statement<[], CellDay>
  private readonly insertHour: Statement
  private readonly markDay: Statement
  private readonly upsertCell: Statement
  private readonly zoneOf: Statement<
    [string],
    { timezone: string | null; utc_offset: number | null }
  >
  private readonly hourAt: Statement<[string, number], HourRow>
  private readonly settle: Statement
  private readonly countRows: Statement<[], { bucket: string; n: number }>

  constructor(private readonly db: Db) {
    this.unqueued = db.prepare(
      `${SOURCE} WHERE p.id > ? AND NOT EXISTS
         (SELECT 1 FROM photo_weather_links l WHERE l.photo_id = p.id)
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
    // Both read the queue through its (state, cell, local_date) index and the days' key: one
    // query each, however long the queue, instead of a lookup per photo.
    const answered = `SELECT l.photo_id, l.cell, l.local, l.local_date, l.offset_min,
        d.state AS day
      FROM photo_weather_links l
      JOIN photo_weather_days d ON d.cell = l.cell AND d.date = l.local_date
      WHERE l.state = 'pending'`
    this.answeredAll = db.prepare(answered)
    this.answeredIn = db.prepare(`${answered} AND l.cell IN (SELECT value FROM json_each(?))`)
    this.wantedAll = db.prepare(
      `SELECT DISTINCT l.cell, l.local_date AS date FROM photo_weather_links l
       WHERE l.state = 'pending' AND NOT EXISTS
         (SELECT 1 FROM photo_weather_days d WHERE d.cell = l.cell AND d.date = l.local_date)`
    )
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
    this.countRows = db.prepare('SELECT bucket, n FROM photo_weather_counts')
  }

  /**
   * Queues up to `limit` photos not seen yet, after photo id `after`: with a usable place and
   * time they wait for weather; otherwise they are settled at once as unknown, with the reason.
   * Returns how many, and the last id (where the next slice starts).
   */
  enqueueNew(limit: number, nowMs: number, after = 0): { queued: number; last: number } {
    const rows = this.unqueued.all(after, limit)
    this.db.transaction(() => {
      for (const r of rows) this.queue(r, nowMs)
    })()
    return { queued: rows.length, last: rows[rows.length - 1]?.id ?? after }
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

  /** Pending photos whose day is answered, in these cells (or all): the ones to link now. */
  answered(cells: readonly string[] | null = null): AnsweredLink[] {
    return cells === null ? this.answeredAll.all() : this.answeredIn.all(JSON.stringify(cells))
  }

  /** The cell-days pending photos need that were never answered. */
  wanted(): CellDay[] {
    return this.wantedAll.all()
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

  /** Kept by triggers (migration 41) as links change: a read of four rows, never a scan. */
  counts(): Counts {
    const n = new Map(this.countRows.all().map((r) => [r.bucket, r.n]))
    const linked = n.get('linked') ?? 0
    const unknown = n.get('unknown') ?? 0
    const pending = n.get('pending') ?? 0
    return { eligible: linked + unknown + pending, linked, unknown, pending }
  }
}
