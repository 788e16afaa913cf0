import { setupActivityMonitor } from '../src/main/activity/activity-service'
import { EventBus } from '../src/main/platform/ipc/event-bus'
import { createLogger } from '../src/main/platform/log'
import { LoopDelaySpan } from '../src/main/platform/metrics/loop-delay'
import { NetworkTracker } from '../src/main/platform/metrics/network-tracker'
import { createNodeProcessStats } from '../src/main/platform/metrics/process-stats'
import { arg, printTable, round } from './support/report'

/**
 * `npx tsx bench/activity-cost.ts [-- --seconds 10 --rounds 3 --json]`
 * What main pays for keeping the Activity history with nobody watching: the monitor sampling
 * at 2 Hz (process figures, loop-delay histograms, /proc schedstat, the five-minute ring) against
 * the same process without it, in alternating rounds so a loaded machine's drift hits both.
 * Figures: main's CPU time per second, and its event-loop delay (p99, mean) over each phase.
 */
const SECONDS = Number(arg('seconds') ?? 10)
const ROUNDS = Number(arg('rounds') ?? 3)
const json = process.argv.includes('--json')

type Phase = { cpuMsPerS: number; loopP99Ms: number; loopMeanMs: number }

async function phase(withMonitor: boolean): Promise<Phase> {
  const monitor = withMonitor
    ? setupActivityMonitor({
        bus: new EventBus(createLogger('cost', 'error')),
        log: createLogger('cost', 'error'),
        network: new NetworkTracker(),
        processStats: createNodeProcessStats(),
        // As during an import: two worker pids to read from /proc (here, this process).
        contributions: () => [
          {
            pool: { workers: 2, busy: 2, inFlight: 4, queued: 100 },
            processes: [
              { pid: process.pid, name: 'Worker 1', kind: 'worker' },
              { pid: process.pid, name: 'Worker 2', kind: 'worker' }
            ]
          }
        ],
        now: Date.now
      })
    : null
  const span = new LoopDelaySpan()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
  const used = process.cpuUsage(cpu)
  const seconds = (performance.now() - started) / 1000
  const loop = span.end()
  monitor?.close()
  return {
    cpuMsPerS: (used.user + used.system) / 1000 / seconds,
    loopP99Ms: loop.p99Ms,
    loopMeanMs: loop.meanMs
  }
}

async function main(): Promise<void> {
  const off: Phase[] = []
  const on: Phase[] = []
  for (let r = 0; r < ROUNDS; r++) {
    off.push(await phase(false))
    on.push(await phase(true))
  }
  const mean = (xs: Phase[], k: keyof Phase): number => xs.reduce((n, x) => n + x[k], 0) / xs.length
  const row = (name: string, xs: Phase[]) => ({
    monitor: name,
    cpu_ms_per_s: round(mean(xs, 'cpuMsPerS'), 2)!,
    loop_p99_ms: round(mean(xs, 'loopP99Ms'), 2)!,
    loop_mean_ms: round(mean(xs, 'loopMeanMs'), 3)!
  })
  const rows = [row('off', off), row('on, nobody watching', on)]
  if (!json) printTable(rows)
  else
    console.log(
      JSON.stringify({
        seconds: SECONDS,
        rounds: ROUNDS,
        off: rows[0],
        on: rows[1],
        cpu_ms_per_s_added: round(rows[1]!.cpu_ms_per_s - rows[0]!.cpu_ms_per_s, 2)
      })
    )
}

main().catch((error: unknown) => {
  console.error('bench activity-cost failed:', error instanceof Error ? error.message : error)
  process.exit(1)
})
