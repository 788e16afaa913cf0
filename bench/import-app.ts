import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportProgress } from '@shared/contract/library'
import type { Core } from '../src/main/core/core'
import { readConfig } from '../src/main/core/config'
import { benchCore, call } from './support/bench-core'
import { LoopDelaySpan } from '../src/main/platform/metrics/loop-delay'

/** bench:import's app runs: the whole import through a headless core, as the app runs it. */

interface Phases {
  done: number
  failed: number
  /** ms from the start: the first thumbnail in the database, and every thumbnail in it. */
  firstThumbMs: number
  gridMs: number
  previews: number
}

/** Waits for the import to end, noting when the grid got its first and its last thumbnail. */
async function untilIdle(core: Core, started = performance.now()): Promise<Phases> {
  const last: Phases = { done: 0, failed: 0, firstThumbMs: NaN, gridMs: NaN, previews: 0 }
  for (;;) {
    const p = await call<ImportProgress>(core, 'library:progress')
    const at = performance.now() - started
    if (p.state === 'idle') {
      if (Number.isNaN(last.gridMs)) last.gridMs = at
      return last
    }
    Object.assign(last, { done: p.done, failed: p.failed, previews: p.previewsDone ?? 0 })
    if (p.done > 0 && Number.isNaN(last.firstThumbMs)) last.firstThumbMs = at
    if (p.phase === 'previews' && Number.isNaN(last.gridMs)) last.gridMs = at
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * Peak RSS (MB) of the largest direct child (the workers), from the kernel's high-water
 * mark, read once at the end: sampling with ps would fork from main and disturb (c).
 */
function workerPeakRssMb(): number {
  let peak = 0
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const kids = readFileSync(`/proc/self/task/${tid}/children`, 'utf8').trim().split(/\s+/)
      for (const pid of kids.filter(Boolean)) {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8')
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024)
      }
    }
  } catch {
    // Not Linux: reported as 0.
  }
  return peak
}

export interface AppRun {
  seconds: number
  done: number
  loopP99Ms: number
  loopMaxMs: number
  idleLoopP99Ms: number
  mainBaseMb: number
  mainPeakMb: number
  workerPeakMb: number
  mainCpuPercent: number
  firstThumbMs: number
  gridSeconds: number
  previews: number
}

export async function runApp(inputDir: string, warmFile: string, workers: number): Promise<AppRun> {
  const userData = mkdtempSync(join(tmpdir(), 'skyfolio-bench-app-'))
  const core = benchCore(userData, {
    config: readConfig({}),
    fetch: () => Promise.reject(new Error('offline'))
  })
  try {
    await call(core, 'settings:update', { importWorkers: workers })
    // Warm-up: workers started and ready, as they are a moment into any real import.
    await call(core, 'library:import', { paths: [warmFile] })
    await untilIdle(core)

    // The same measurement with nothing running, to tell the app's delay from the machine's.
    const idleLoop = new LoopDelaySpan(5)
    await new Promise((r) => setTimeout(r, 1500))
    const idleSpan = idleLoop.end()

    const mainBaseMb = process.memoryUsage.rss() / 2 ** 20
    let mainPeakMb = mainBaseMb
    const rssTimer = setInterval(() => {
      mainPeakMb = Math.max(mainPeakMb, process.memoryUsage.rss() / 2 ** 20)
    }, 100)
    const cpuBefore = process.cpuUsage()

    const loop = new LoopDelaySpan(5)
    const started = performance.now()
    await call(core, 'library:import', { paths: [inputDir] })
    const result = await untilIdle(core, started)
    const seconds = (performance.now() - started) / 1000
    const loopSpan = loop.end()
    clearInterval(rssTimer)
    const cpu = process.cpuUsage(cpuBefore)
    const workerPeakMb = workerPeakRssMb()
    const total = await call<{ total: number }>(core, 'library:list', { limit: 1 })
    // A run that imported nothing has no figures: say why instead of printing nonsense rates.
    if (total.total - 1 <= 0)
      throw new Error(
        `the import added no photos (${result.failed} failed): the figures would mean nothing; see the log above`
      )
    return {
      seconds,
      done: total.total - 1,
      loopP99Ms: loopSpan.p99Ms,
      loopMaxMs: loopSpan.maxMs,
      idleLoopP99Ms: idleSpan.p99Ms,
      mainBaseMb,
      mainPeakMb,
      workerPeakMb,
      mainCpuPercent: (cpu.user + cpu.system) / 1e4 / seconds,
      firstThumbMs: result.firstThumbMs,
      gridSeconds: result.gridMs / 1000,
      previews: result.previews,
      ...(result.failed ? { failed: result.failed } : {})
    }
  } finally {
    await core.close()
    rmSync(userData, { recursive: true, force: true })
  }
}
