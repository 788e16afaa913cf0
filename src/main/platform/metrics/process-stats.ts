import { readFile } from 'node:fs/promises'
import type { ProcessSample } from '@shared/contract'
import { unlessAbsent } from '../absent'

export interface KnownProcess {
  readonly pid: number
  readonly name: string
  readonly kind: ProcessSample['kind']
}

/** Per-process CPU and memory: app.getAppMetrics() in Electron, the OS under Node. */
export interface ProcessStatsSource {
  /** True when the renderer's own process is among the samples. */
  readonly includesRenderer: boolean
  sample(known: readonly KnownProcess[]): Promise<ProcessSample[]>
}

const CLOCK_TICKS_PER_S = 100
const PAGE_BYTES = 4096
const MB = 1024 * 1024

/** utime + stime (ticks) and resident pages from /proc/<pid>/stat; null when it is gone. */
export function parseProcStat(text: string): { ticks: number; rssBytes: number } | null {
  const close = text.lastIndexOf(')')
  if (close < 0) return null
  const fields = text.slice(close + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  const rssPages = Number(fields[21])
  if (![utime, stime, rssPages].every(Number.isFinite)) return null
  return { ticks: utime + stime, rssBytes: rssPages * PAGE_BYTES }
}

/**
 * Reads the main process from Node itself and other processes from /proc (Linux). On other
 * systems under the headless host only the main process is measured.
 */
export function createNodeProcessStats(
  now: () => number = () => performance.now()
): ProcessStatsSource {
  const previous = new Map<number, { cpuMs: number; at: number }>()
  const cpuPercent = (pid: number, cpuMs: number, at: number): number => {
    const before = previous.get(pid)
    previous.set(pid, { cpuMs, at })
    if (!before || at <= before.at) return 0
    return Math.max(0, ((cpuMs - before.cpuMs) / (at - before.at)) * 100)
  }

  return {
    includesRenderer: false,
    async sample(known) {
      const at = now()
      const usage = process.cpuUsage()
      const out: ProcessSample[] = [
        {
          pid: process.pid,
          kind: 'main',
          name: 'Main',
          cpuPercent: cpuPercent(process.pid, (usage.user + usage.system) / 1000, at),
          rssMb: process.memoryUsage.rss() / MB
        }
      ]
      const seen = new Set([process.pid])
      await Promise.all(
        known.map(async (p) => {
          seen.add(p.pid)
          // A process that ended since the last sample is simply left out.
          const text = await unlessAbsent(readFile(`/proc/${p.pid}/stat`, 'utf8'), [
            'ENOENT',
            'ESRCH'
          ])
          const stat = text ? parseProcStat(text) : null
          if (!stat) return
          const cpuMs = (stat.ticks / CLOCK_TICKS_PER_S) * 1000
          out.push({
            pid: p.pid,
            kind: p.kind,
            name: p.name,
            cpuPercent: cpuPercent(p.pid, cpuMs, at),
            rssMb: stat.rssBytes / MB
          })
        })
      )
      for (const pid of previous.keys()) if (!seen.has(pid)) previous.delete(pid)
      return out
    }
  }
}
