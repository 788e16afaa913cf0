import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLogger } from '../src/main/platform/log'
import { openDatabase } from '../src/main/platform/store/database'
import { migrations } from '../src/main/core/migrations'
import { OpenMeteoClient } from '../src/main/weather/open-meteo/open-meteo-client'
import { PlaceRepository } from '../src/main/weather/store/place-repository'
import { ReportRepository } from '../src/main/weather/store/report-repository'
import { WeatherRefresher } from '../src/main/weather/weather-refresher'
import { startFixtureProcess } from './support/fixture-process'
import { benchPlace } from './support/places'
import { LoopDelaySpan } from '../src/main/platform/metrics/loop-delay'

/**
 * `npm run bench:weather [-- --json]`: refreshes 50 places (forecast + air quality) against the
 * fixture server (200 ms per request, one running per client and host, a short queue, 429
 * beyond) and compares the batched client with two baselines.
 */
const PLACES = 50
const LATENCY_MS = 200
const BATCH = 10
const json = process.argv.includes('--json')

interface Strategy {
  name: string
  batchSize: number
  maxInFlight: number
  sequential: boolean
}

const strategies: Strategy[] = [
  { name: 'batched', batchSize: BATCH, maxInFlight: 2, sequential: false },
  { name: 'per_place_all_at_once', batchSize: 1, maxInFlight: Infinity, sequential: false },
  { name: 'per_place_one_by_one', batchSize: 1, maxInFlight: 2, sequential: true }
]

interface FixtureStats {
  requests: Record<string, number>
  http429: number
}

const post = (url: string, path: string): Promise<Response> => fetch(url + path, { method: 'POST' })

async function run(url: string, s: Strategy, places: number) {
  await post(url, '/__fixture/reset')
  const dir = mkdtempSync(join(tmpdir(), 'skyfolio-bench-'))
  const db = openDatabase(join(dir, 'skyfolio.db'), { migrations })
  try {
    const placesRepo = new PlaceRepository(db, Date.now)
    const reports = new ReportRepository(db)
    const ids: number[] = []
    for (let i = 0; i < places; i++) {
      const p = placesRepo.add(benchPlace(i))
      ids.push(p.id)
    }
    const client = new OpenMeteoClient({
      fetch,
      baseUrls: () => ({ forecast: url, 'air-quality': url, geocoding: url }),
      maxInFlight: s.maxInFlight
    })
    const refresher = new WeatherRefresher({
      client,
      places: placesRepo,
      reports,
      now: Date.now,
      log: memoryLogger(),
      batchSize: s.batchSize
    })
    const delay = new LoopDelaySpan(1)
    const t0 = performance.now()
    const outcomes = []
    if (s.sequential) {
      for (const id of ids) outcomes.push(...(await refresher.refresh([id])))
    } else {
      outcomes.push(...(await refresher.refresh(ids)))
    }
    const wall = performance.now() - t0
    const loop = delay.end()
    const stats = (await (await fetch(url + '/__fixture/stats')).json()) as FixtureStats
    await refresher.close()
    return {
      wall_ms: Math.round(wall),
      requests: Object.values(stats.requests).reduce((a, b) => a + b, 0),
      http_429: stats.http429,
      stored: outcomes.filter((o) => o.reportId !== null).length,
      failed: outcomes.filter((o) => o.error !== null).length,
      loop_delay_p99_ms: Math.round(loop.p99Ms * 10) / 10
    }
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fewest sequential round trips under the rule: one request at a time per host, hosts in parallel. */
const idealMs = (batchSize: number): number => Math.ceil(PLACES / batchSize) * LATENCY_MS

async function main(): Promise<void> {
  const fixture = await startFixtureProcess(LATENCY_MS)
  const { url } = fixture
  try {
    await run(url, strategies[0]!, 2) // warm-up: module loading and JIT are not the subject
    const results: Record<string, Awaited<ReturnType<typeof run>> & { ratio_to_ideal: number }> = {}
    for (const s of strategies) {
      const r = await run(url, s, PLACES)
      results[s.name] = {
        ...r,
        ratio_to_ideal: Math.round((r.wall_ms / idealMs(BATCH)) * 100) / 100
      }
    }
    const main = results.batched!
    const ideal = idealMs(BATCH)
    console.log(
      `Weather refresh of ${PLACES} places (forecast + air quality), ${LATENCY_MS} ms per request,\n` +
        `fixture rule: one running per client and host, short queue, 429 beyond.\n` +
        `Ideal: ${Math.ceil(PLACES / BATCH)} sequential round trips per host (batches of ${BATCH}, hosts in parallel) × ${LATENCY_MS} ms = ${ideal} ms\n`
    )
    const rows = [
      ['strategy', 'wall ms', '× ideal', 'requests', '429s', 'stored', 'failed', 'loop p99 ms'],
      ...Object.entries(results).map(([name, r]) => [
        name,
        String(r.wall_ms),
        r.ratio_to_ideal.toFixed(2),
        String(r.requests),
        String(r.http_429),
        String(r.stored),
        String(r.failed),
        String(r.loop_delay_p99_ms)
      ])
    ]
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
    for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c]!)).join('  '))
    if (json) {
      const { batched: _b, ...baselines } = results
      console.log(
        JSON.stringify({
          places: PLACES,
          latency_ms: LATENCY_MS,
          batch_size: BATCH,
          wall_ms: main.wall_ms,
          ideal_ms: ideal,
          ratio_to_ideal: main.ratio_to_ideal,
          requests: main.requests,
          http_429: main.http_429,
          stored: main.stored,
          loop_delay_p99_ms: main.loop_delay_p99_ms,
          baselines
        })
      )
    }
  } finally {
    fixture.stop()
  }
}

main().catch((error: unknown) => {
  console.error('bench:weather failed:', error)
  process.exit(1)
})
