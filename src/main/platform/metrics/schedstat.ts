import { readFileSync } from 'node:fs'

/** The kernel's scheduler figures for one thread (/proc/<pid>/schedstat), in nanoseconds. */
export interface SchedStat {
  /** Time spent running on a CPU. */
  readonly runNs: number
  /** Time spent runnable but waiting for a CPU (the run queue). */
  readonly waitNs: number
  readonly slices: number
}

/** Parses "<run ns> <wait ns> <timeslices>"; null for anything else. */
export function parseSchedstat(text: string): SchedStat | null {
  const parts = text.trim().split(/\s+/)
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null
  const [runNs, waitNs, slices] = parts.map(Number) as [number, number, number]
  return { runNs, waitNs, slices }
}

/** Per second of wall time: how long main's thread ran, and how long it waited for a CPU. */
export interface SchedRates {
  readonly busyMsPerS: number
  readonly runqueueWaitMsPerS: number
}

/**
 * Splits main's loop delay into running JavaScript (busy) and waiting for a CPU (run queue).
 * Linux only: elsewhere, or where /proc is not readable, every reading is null.
 */
export class SchedstatSampler {
  private last: { at: number; stat: SchedStat } | null = null

  constructor(
    private readonly read: () => string | null = readOwnSchedstat,
    private readonly now: () => number = () => performance.now()
  ) {}

  /** The rates since the previous call; null on the first call or without schedstat. */
  sample(): SchedRates | null {
    const text = this.read()
    const stat = text === null ? null : parseSchedstat(text)
    if (!stat) return null
    const at = this.now()
    const prev = this.last
    this.last = { at, stat }
    if (!prev || at <= prev.at) return null
    const perS = 1000 / (at - prev.at)
    return {
      busyMsPerS: Math.max(0, ((stat.runNs - prev.stat.runNs) / 1e6) * perS),
      runqueueWaitMsPerS: Math.max(0, ((stat.waitNs - prev.stat.waitNs) / 1e6) * perS)
    }
  }
}

function readOwnSchedstat(): string | null {
  if (process.platform !== 'linux') return null
  try {
    // A tiny procfs read (no disk): cheap enough for a 2 Hz sampler on main.
    return readFileSync('/proc/self/schedstat', 'utf8')
  } catch {
    return null // no procfs (a container without it): the figure is simply not shown
  }
}
