import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PhotoWeatherStatus } from '@shared/contract'
import { migrations } from '../src/main/core/migrations'
import { readConfig } from '../src/main/core/config'
import { cellOf } from '../src/main/library/photo-weather/cells'
import { idealRequests, type CellDay } from '../src/main/library/photo-weather/request-planner'
import { appPaths } from '../src/main/platform/paths'
import { openDatabase } from '../src/main/platform/store/database'
import { seedPhotos, type SeedPhoto } from '../test/support/photo-weather-kit'
import { benchCore, call } from './support/bench-core'
import { startFixtureProcess } from './support/fixture-process'
import { printTable, round } from './support/report'
import { LoopDelaySpan } from '../src/main/platform/metrics/loop-delay'

/**
 * `npm run bench:photo-weather [-- --json]`: 10,000 photo rows (no image files) with GPS and
 * capture times over 300 places and three years, linked to their weather through the app's
 * core against the fixture (in its own process, enforcing Open-Meteo's weighted free limits).
 * A second run on the same library must link nothing new and ask nothing.
 */
const PHOTOS = 10_000
const PLACES = 300
const YEARS = 3
const json = process.argv.includes('--json')

/** Deterministic: the same library every run. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Photos come in visits: a place is visited a few times, a few days each, many photos a day. */
function library(nowMs: number): SeedPhoto[] {
  const rand = mulberry32(14)
  const end = nowMs - 30 * 86_400_000
  const span = YEARS * 365 * 86_400_000
  const places = Array.from({ length: PLACES }, () => ({
    lat: -50 + rand() * 115,
    lon: -180 + rand() * 360,
    visits: Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
      start: end - span + rand() * (span - 5 * 86_400_000),
      days: 1 + Math.floor(rand() * 4)
    }))
  }))
  return Array.from({ length: PHOTOS }, () => {
    const place = places[Math.floor(rand() * PLACES)]!
    const visit = place.visits[Math.floor(rand() * place.visits.length)]!
    const at = visit.start + Math.floor(rand() * visit.days) * 86_400_000 + rand() * 86_400_000
    // A wall clock near the place's solar time; one photo in ten also carries its offset.
    const offsetMin = Math.round(place.lon / 15) * 60
    const local = new Date(at + offsetMin * 60_000).toISOString().slice(0, 19)
    return {
      lat: place.lat + (rand() - 0.5) * 0.02,
      lon: place.lon + (rand() - 0.5) * 0.02,
      local,
      offset: rand() < 0.1 ? offsetMin : null
    }
  })
}

async function fixtureRequests(url: string): Promise<{ requests: number; http429: number }> {
  const s = (await (await fetch(`${url}/__fixture/stats`)).json()) as {
    requests: Record<string, number>
    http429: number
  }
  return { requests: Object.values(s.requests).reduce((a, b) => a + b, 0), http429: s.http429 }
}

async function linkAll(userData: string, url: string) {
  const core = benchCore(userData, {
    config: readConfig({ SKYFOLIO_WEATHER_URL: url, SKYFOLIO_WEATHER_AUTOREFRESH: '0' })
  })
  const before = await fixtureRequests(url)
  const loop = new LoopDelaySpan(10)
  const started = performance.now()
  try {
    await call(core, 'photo-weather:set-enabled', { enabled: true })
    let status: PhotoWeatherStatus
    for (;;) {
      status = (await call(core, 'photo-weather:status', {})) as PhotoWeatherStatus
      if (status.state === 'idle' && status.pending === 0) break
      if (status.state === 'paused-offline') throw new Error('the fixture could not be reached')
      await new Promise((r) => setTimeout(r, 100))
    }
    const wall = performance.now() - started
    const loopSpan = loop.end()
    const after = await fixtureRequests(url)
    return {
      status,
      requests: after.requests - before.requests,
      http429: after.http429 - before.http429,
      loopP99: loopSpan.p99Ms,
      wall
    }
  } finally {
    await core.close()
  }
}

async function main(): Promise<void> {
  const fixture = await startFixtureProcess(0, ['--free-limits'])
  const dir = mkdtempSync(join(tmpdir(), 'skyfolio-photo-weather-'))
  try {
    const now = Date.now()
    const photos = library(now)
    const db = openDatabase(appPaths(dir).database, { migrations })
    seedPhotos(db, photos)
    // These rows have no image files: the library's near-duplicate pairing would only fail to
    // read 10,000 thumbnails on main beside the linking measured here (bench:import times it).
    db.exec('DELETE FROM library_similar_backfill')
    db.close()
    const today = new Date(now).toISOString().slice(0, 10)
    const wanted = new Map<string, CellDay>()
    for (const p of photos) {
      const d = { cell: cellOf(p.lat!, p.lon!).key, date: p.local!.slice(0, 10) }
      wanted.set(`${d.cell}|${d.date}`, d)
    }
    const ideal = idealRequests([...wanted.values()], today)

    const first = await linkAll(dir, fixture.url)
    const second = await linkAll(dir, fixture.url)
    const result = {
      photos_with_gps: first.status.eligible,
      linked: first.status.linked,
      unknown: first.status.unknown,
      cell_days: wanted.size,
      requests: first.requests,
      ideal_requests: ideal,
      ratio_to_ideal: round(first.requests / ideal, 3),
      http_429: first.http429,
      loop_delay_p99_ms: round(first.loopP99, 1),
      wall_ms: Math.round(first.wall),
      second_run_linked_new: second.status.linked - first.status.linked,
      second_run_requests: second.requests
    }
    printTable([result])
    if (json) console.log(JSON.stringify(result))
  } finally {
    fixture.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
